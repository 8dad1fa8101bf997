package shout.server;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The protocol's one transform, written once for every mode: ASCII {@code a..z} become {@code A..Z},
 * every other byte value is left as it is. It works eight bytes at a time (SWAR), so it runs near
 * memory speed on large buffers; see {@code UpperCaseBenchmark}.
 */
public final class UpperCase {

    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[8 * 1024]);
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOW7 = 0x7F7F_7F7F_7F7F_7F7FL;
    private static final long HIGH = 0x8080_8080_8080_8080L;
    /** Added to a byte's low seven bits, sets its high bit iff the byte is at least 'a' (0x80 - 0x61). */
    private static final long FROM_A = 0x1F1F_1F1F_1F1F_1F1FL;
    /** Added to a byte's low seven bits, sets its high bit iff the byte is above 'z' (0x80 - 0x7B). */
    private static final long PAST_Z = 0x0505_0505_0505_0505L;

    private UpperCase() {
    }

    /** Upper-cases {@code bytes[from..to)} in place. */
    public static void inPlace(byte[] bytes, int from, int to) {
        int i = from;
        // Four independent words per step keep the core's ALUs busy; the JIT does not unroll VarHandle loops well.
        for (; i + 4 * Long.BYTES <= to; i += 4 * Long.BYTES) {
            long w0 = (long) LONGS.get(bytes, i);
            long w1 = (long) LONGS.get(bytes, i + 8);
            long w2 = (long) LONGS.get(bytes, i + 16);
            long w3 = (long) LONGS.get(bytes, i + 24);
            LONGS.set(bytes, i, upperWord(w0));
            LONGS.set(bytes, i + 8, upperWord(w1));
            LONGS.set(bytes, i + 16, upperWord(w2));
            LONGS.set(bytes, i + 24, upperWord(w3));
        }
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            LONGS.set(bytes, i, upperWord((long) LONGS.get(bytes, i)));
        }
        for (; i < to; i++) {
            bytes[i] = upper(bytes[i]);
        }
    }

    /**
     * Upper-cases the buffer's bytes at absolute positions {@code [from..to)}, heap or direct; position and
     * limit untouched. Direct memory is copied through a per-thread array in bulk and transformed there:
     * reading it eight bytes at a time through the buffer costs a bounds check per word, which made the
     * transform several times slower than the two copies (seen in a profile of the selector mode at 4 KiB).
     */
    public static void inPlace(ByteBuffer buffer, int from, int to) {
        if (buffer.hasArray()) {
            inPlace(buffer.array(), buffer.arrayOffset() + from, buffer.arrayOffset() + to);
            return;
        }
        byte[] scratch = SCRATCH.get();
        for (int i = from; i < to; i += scratch.length) {
            int n = Math.min(scratch.length, to - i);
            buffer.get(i, scratch, 0, n);
            inPlace(scratch, 0, n);
            buffer.put(i, scratch, 0, n);
        }
    }

    /** The transform of one byte value. */
    public static byte upper(byte b) {
        return (b >= 'a' && b <= 'z') ? (byte) (b - ('a' - 'A')) : b;
    }

    /** Eight bytes at once: each lowercase ASCII byte loses its 0x20 bit; no carry crosses a byte. */
    public static long upperWord(long word) {
        long low7 = word & LOW7;
        long atLeastA = low7 + FROM_A;
        long pastZ = low7 + PAST_Z;
        long lowerMask = atLeastA & ~pastZ & ~word & HIGH;
        return word ^ (lowerMask >>> 2);
    }
}
