package shout.server;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.net.Socket;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import shout.server.app.Servers;

/**
 * Random binary input in random chunk sizes, 1 byte to 1 MiB, with every reply byte checked. The
 * seed is in every failure message; replay one by putting it in {@link #seed()}.
 */
@Timeout(60)
class RandomInputTest {

    private static final int ROUNDS = 3;
    private static final int TOTAL_BYTES = 3 << 20;
    private static final int MAX_CHUNK_BYTES = 1 << 20;

    private static long seed() {
        return System.nanoTime();
    }

    @ParameterizedTest
    @MethodSource("shout.server.EchoServerContractTest#modes")
    void randomBytesInRandomChunksComeBackExactly(Mode mode) throws Exception {
        try (EchoServer server = Servers.start(mode, ServerConfig.ephemeral());
             ExecutorService writer = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().name("random-writer").factory())) {
            for (int round = 0; round < ROUNDS; round++) {
                exchange(server, writer, seed());
            }
        }
    }

    private static void exchange(EchoServer server, ExecutorService writer, long seed) throws Exception {
        Random random = new Random(seed);
        byte[] request = new byte[1 + random.nextInt(TOTAL_BYTES)];
        random.nextBytes(request);
        try (Socket socket = Wire.connect(server, 10_000)) {
            Future<?> written = writer.submit(() -> {
                writeInRandomChunks(socket.getOutputStream(), request, new Random(seed ^ 0x5DEECE66DL));
                socket.shutdownOutput();
                return null;
            });
            byte[] reply = socket.getInputStream().readAllBytes();
            written.get(10, SECONDS);
            assertEquals(request.length, reply.length, "reply length; replay with seed " + seed);
            assertArrayEquals(Wire.expected(request), reply, "replay with seed " + seed);
        }
    }

    /** Chunk sizes spread evenly over their orders of magnitude, so single bytes and whole MiBs both occur. */
    private static void writeInRandomChunks(OutputStream out, byte[] request, Random random) throws java.io.IOException {
        for (int offset = 0; offset < request.length; ) {
            int size = (int) Math.min(request.length - offset, Math.max(1, Math.exp(random.nextDouble() * Math.log(MAX_CHUNK_BYTES))));
            out.write(request, offset, size);
            out.flush();
            offset += size;
        }
    }
}
