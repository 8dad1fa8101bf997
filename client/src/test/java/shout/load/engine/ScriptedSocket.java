package shout.load.engine;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import shout.load.io.PolledSocket;

/**
 * A {@link PolledSocket} with no network behind it: it keeps what is written, takes at most
 * {@link #acceptBytes} per write (as a full send buffer would), and hands out the replies a test
 * queued, one queued piece per read, stamped as arrived at {@link #arrivedNanos} when a test sets it.
 */
final class ScriptedSocket implements PolledSocket {

    final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final ArrayDeque<byte[]> replies = new ArrayDeque<>();
    /** How many bytes the next writes take at most; Integer.MAX_VALUE: all. */
    int acceptBytes = Integer.MAX_VALUE;
    boolean watchingWrites;
    boolean closed;
    boolean peerClosed;
    /** The kernel's arrival stamp the reads report, as {@link System#nanoTime}; null: none, so the read time. */
    Long arrivedNanos;

    /** Queues one piece for one read. */
    void reply(byte[] piece) {
        replies.add(piece);
    }

    @Override
    public boolean finishConnect() {
        return true;
    }

    @Override
    public int read(ByteBuffer into) {
        byte[] piece = replies.poll();
        if (piece == null) {
            return peerClosed ? -1 : 0;
        }
        into.put(piece);
        return piece.length;
    }

    @Override
    public long arrivalNanos(long readNanos) {
        return arrivedNanos == null ? readNanos : Math.min(arrivedNanos, readNanos);
    }

    @Override
    public int write(ByteBuffer from) {
        int length = Math.min(from.remaining(), acceptBytes);
        byte[] bytes = new byte[length];
        from.get(bytes);
        written.writeBytes(bytes);
        return length;
    }

    @Override
    public void watch(boolean writes) {
        watchingWrites = writes;
    }

    @Override
    public void close() {
        closed = true;
    }
}
