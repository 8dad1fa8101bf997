package shout.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import shout.cli.Marker;

/** The word-at-a-time transform against the tests' byte-by-byte oracle ({@link Wire#expected}), at every offset and length. */
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

    /** The marker of mixed-cost work is echoed like every other byte, so the client's byte check stays exact. */
    @Test
    void theMarkerByteComesBackUnchanged() {
        byte[] marked = {Marker.BYTE, 'a', Marker.BYTE};
        UpperCase.inPlace(marked, 0, marked.length);
        assertArrayEquals(new byte[] {Marker.BYTE, 'A', Marker.BYTE}, marked);
    }

    @Test
    void onlyTheGivenRangeChanges() {
        byte[] bytes = "abcdefghijklmnopqrstuvwxyz".getBytes();
        UpperCase.inPlace(bytes, 3, 21);
        assertEquals("abcDEFGHIJKLMNOPQRSTUvwxyz", new String(bytes));
    }

    @Test
    void heapDirectAndSlicedBuffersInEitherByteOrderMatchTheOracle() {
        Random random = new Random(7);
        for (int length = 0; length < 70; length++) {
            byte[] bytes = new byte[length + 10];
            random.nextBytes(bytes);
            byte[] want = bytes.clone();
            System.arraycopy(Wire.expected(Arrays.copyOfRange(bytes, 5, 5 + length)), 0, want, 5, length);
            for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
                ByteBuffer slicedHeap = ByteBuffer.allocate(bytes.length + 3).position(3).slice();   // arrayOffset 3
                for (ByteBuffer buffer : new ByteBuffer[] {ByteBuffer.allocate(bytes.length), ByteBuffer.allocateDirect(bytes.length), slicedHeap}) {
                    buffer.order(order).put(bytes).flip();
                    UpperCase.inPlace(buffer, 5, 5 + length);
                    byte[] got = new byte[bytes.length];
                    buffer.get(0, got);
                    assertArrayEquals(want, got, "length " + length + " " + order + " " + buffer);
                    assertEquals(0, buffer.position(), "position untouched");
                }
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
