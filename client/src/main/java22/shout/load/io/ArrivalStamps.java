package shout.load.io;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.time.Instant;

/**
 * The kernel's receive stamps for the sockets of one {@link EpollPoller} (those opened with SO_TIMESTAMPNS):
 * each read is a {@code recvmsg} with room for the stamp's control message, and the stamp, on the real-time
 * clock, is moved onto {@link System#nanoTime}'s clock by an offset measured at each poll. For TCP the stamp
 * is that of the latest segment the read took, so a message is never stamped before its last byte came.
 * Confined to the poller's thread; it allocates nothing per read.
 */
final class ArrivalStamps {

    /** struct msghdr on LP64 Linux: name, name length, iov, iov length, control, control length, flags. */
    private static final int MESSAGE_BYTES = 56;
    private static final long MESSAGE_IOV = 16;
    private static final long MESSAGE_IOV_LENGTH = 24;
    private static final long MESSAGE_CONTROL = 32;
    private static final long MESSAGE_CONTROL_LENGTH = 40;
    /** struct cmsghdr on LP64 Linux: length (size_t), level, type, then the data, here a struct timespec. */
    private static final long CONTROL_LEVEL = 8;
    private static final long CONTROL_TYPE = 12;
    private static final long CONTROL_DATA = 16;
    private static final long TIMESPEC_BYTES = 16;
    private static final int CONTROL_BYTES = 64;
    /**
     * A clock comparison whose two nanoTime readings lie further apart than this was interrupted between
     * them: it is dropped and the last good offset kept (the clocks drift apart by far less between polls).
     */
    private static final long CLOCK_PAIR_MAX_NANOS = 2_000;

    private final MemorySegment message;
    private final MemorySegment iovec;
    private final MemorySegment control;
    private final long messageAddress;
    private long realMinusNanoTime;
    private boolean offsetKnown;

    ArrivalStamps(Arena arena) {
        message = arena.allocate(MESSAGE_BYTES, 8);
        iovec = arena.allocate(16, 8);
        control = arena.allocate(CONTROL_BYTES, 8);
        messageAddress = message.address();
        message.set(JAVA_LONG, MESSAGE_IOV, iovec.address());
        message.set(JAVA_LONG, MESSAGE_IOV_LENGTH, 1);
        message.set(JAVA_LONG, MESSAGE_CONTROL, control.address());
    }

    /** Measures the real-time clock against nanoTime; a poller calls it each time its wait returns. */
    void syncClocks() {
        long before = System.nanoTime();
        Instant real = Instant.now();
        long after = System.nanoTime();
        if (after - before <= CLOCK_PAIR_MAX_NANOS || !offsetKnown) {
            realMinusNanoTime = real.getEpochSecond() * 1_000_000_000L + real.getNano() - (before + (after - before) / 2);
            offsetKnown = true;
        }
    }

    /** Receives into {@code length} bytes at {@code address}: what {@code recv} returns, -1 with errno set on failure. */
    long receive(MemorySegment callState, int fd, long address, long length) {
        iovec.set(JAVA_LONG, 0, address);
        iovec.set(JAVA_LONG, 8, length);
        message.set(JAVA_LONG, MESSAGE_CONTROL_LENGTH, CONTROL_BYTES);
        return Libc.recvmsg(callState, fd, messageAddress);
    }

    /** True when the last successful {@link #receive} came with a stamp (it may not while stamping is being switched on). */
    boolean stamped() {
        return message.get(JAVA_LONG, MESSAGE_CONTROL_LENGTH) >= CONTROL_DATA + TIMESPEC_BYTES
                && control.get(JAVA_INT, CONTROL_LEVEL) == Libc.SOL_SOCKET
                && control.get(JAVA_INT, CONTROL_TYPE) == Libc.SO_TIMESTAMPNS;
    }

    /** The last successful {@link #receive}'s stamp on nanoTime's clock; only when {@link #stamped}. */
    long arrivalNanos() {
        long realNanos = control.get(JAVA_LONG, CONTROL_DATA) * 1_000_000_000L + control.get(JAVA_LONG, CONTROL_DATA + 8);
        return realNanos - realMinusNanoTime;
    }
}
