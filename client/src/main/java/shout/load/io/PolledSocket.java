package shout.load.io;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * One non-blocking client socket of a {@link Poller}. Confined to the poller's thread. A poller may
 * report readiness only when it changes (edge-triggered), so a reader reads until a read leaves room
 * in its buffer, and a writer that could not write everything asks to {@link #watch} writes. Such a
 * poller reports a socket readable once more when the peer's close came with its last bytes, so that
 * a reader who stopped at that short read still sees the end of the stream.
 */
public interface PolledSocket {

    /** True once connected, false while the connect is in progress; throws if it failed. */
    boolean finishConnect() throws IOException;

    /** Reads what is there into the buffer's remaining space; -1 when the peer closed the stream. */
    int read(ByteBuffer into) throws IOException;

    /**
     * When the bytes of the last {@link #read} reached this machine, on {@link System#nanoTime}'s clock, given
     * {@code readNanos}, when the caller read them: the kernel's receive stamp where the poller takes one (the
     * stamp of the latest segment read, so never earlier than any byte's arrival), else {@code readNanos}.
     * Never later than {@code readNanos}.
     */
    default long arrivalNanos(long readNanos) {
        return readNanos;
    }

    /** Writes as much of the buffer's remaining bytes as the socket takes now; may be 0. */
    int write(ByteBuffer from) throws IOException;

    /** Asks for readability only, or also for writability while bytes wait to be written. */
    void watch(boolean writes) throws IOException;

    /** Closes the socket; closing twice is harmless. */
    void close();
}
