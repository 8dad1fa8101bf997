package shout.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Random;

/**
 * Large test streams that are never held whole: chunk {@code k} of a stream is random bytes from
 * {@code seed + k}, so the reader regenerates what it expects and any lost, doubled or reordered
 * byte shows up (with the seed and chunk in the message, for a replay).
 */
final class Payloads {

    static final int CHUNK_BYTES = 1 << 20;

    private Payloads() {
    }

    static byte[] chunk(long seed, int index) {
        byte[] bytes = new byte[CHUNK_BYTES];
        new Random(seed + index).nextBytes(bytes);
        return bytes;
    }

    /** Writes {@code chunks} chunks of the stream named by {@code seed}. */
    static void write(OutputStream out, long seed, int chunks) throws IOException {
        for (int k = 0; k < chunks; k++) {
            out.write(chunk(seed, k));
        }
        out.flush();
    }

    /** Reads the upper-cased stream back and checks every byte of every chunk. */
    static void readAndVerify(InputStream in, long seed, int chunks) throws IOException {
        for (int k = 0; k < chunks; k++) {
            byte[] reply = Wire.readFully(in, CHUNK_BYTES);
            assertArrayEquals(Wire.expected(chunk(seed, k)), reply, "chunk " + k + " of the stream with seed " + seed);
        }
    }
}
