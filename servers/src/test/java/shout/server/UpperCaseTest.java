package shout.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The word-at-a-time transform against the test's own byte-by-byte oracle, at every offset and length. */
class UpperCaseTest {

    @Test
    void everyByteValueInEveryLanePosition() {
        for (int lane = 0; lane < 8; lane++) {
            for (int value = 0; value < 256; value++) {
                byte[] bytes = new byte[19];
                new Random(value * 8L + lane).nextBytes(bytes);
                bytes[3 + lane] = (byte) value;
                byte[] want = Wire.expected(bytes);
                UpperCase.inPlace(bytes, 0, bytes.length);
                assertArrayEquals(want, bytes, "value " + value + " in lane " + lane);
            }
        }
    }

    @Test
    void onlyTheGivenRangeChanges() {
        byte[] bytes = "abcdefghijklmnopqrstuvwxyz".getBytes();
        UpperCase.inPlace(bytes, 3, 21);
        assertEquals("abcDEFGHIJKLMNOPQRSTUvwxyz", new String(bytes));
    }

    @Test
    void heapAndDirectBuffersMatchTheArrayForm() {
        Random random = new Random(7);
        for (int length = 0; length < 70; length++) {
            byte[] bytes = new byte[length + 10];
            random.nextBytes(bytes);
            byte[] want = bytes.clone();
            UpperCase.inPlace(want, 5, 5 + length);
            for (ByteBuffer buffer : new ByteBuffer[] {ByteBuffer.allocate(bytes.length), ByteBuffer.allocateDirect(bytes.length)}) {
                buffer.put(bytes).flip();
                UpperCase.inPlace(buffer, 5, 5 + length);
                byte[] got = new byte[bytes.length];
                buffer.get(0, got);
                assertArrayEquals(want, got, "length " + length + " " + buffer);
            }
        }
    }

    @Test
    void utf8LettersStayAsTheyAre() {
        byte[] bytes = "héllo wörld".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        UpperCase.inPlace(bytes, 0, bytes.length);
        assertEquals("HéLLO WöRLD", new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
    }
}
