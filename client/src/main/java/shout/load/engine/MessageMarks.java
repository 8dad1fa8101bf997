package shout.load.engine;

import shout.cli.Marker;
import shout.load.MarkShare;

/**
 * Marks the messages of one connection that its {@link MarkShare} chooses: before a message begins, it puts the
 * {@link Marker} (or the plain first letter back) as the first byte of the connection's send ring and of the reply
 * the oracle expects, since the marker comes back unchanged; once the reply is in, it records the latency with the
 * marked or with the other messages. Marking runs with pipeline 1 only ({@link shout.load.MessageShape} refuses
 * more), so the one message in flight owns the ring: rewriting its first byte never touches a byte still to be sent
 * or checked. Confined to the I/O thread of its connection.
 */
final class MessageMarks {

    private final MarkShare share;
    private final int connection;
    private final PayloadSlab slab;
    private final int slot;
    private final byte plainRequest;
    private final byte plainReply;
    /** Whether the message in flight (or the last one) is marked, and so what the ring's first byte is now. */
    private boolean marked;

    MessageMarks(MarkShare share, int connection, PayloadSlab slab, int slot) {
        this.share = share;
        this.connection = connection;
        this.slab = slab;
        this.slot = slot;
        this.plainRequest = slab.firstRequestByte(slot);
        this.plainReply = slab.firstReplyByte(slot);
    }

    /** Message {@code message} is about to begin: its first byte becomes the marker if the share chooses it. */
    void begin(long message) {
        boolean next = share.marks(connection, message);
        if (next != marked) {
            slab.setFirstBytes(slot, next ? Marker.BYTE : plainRequest, next ? Marker.BYTE : plainReply);
            marked = next;
        }
    }

    /** The reply of the message begun last took {@code latencyNanos}: recorded with its kind, marked or not. */
    void record(MeasuredSink sink, long latencyNanos) {
        (marked ? sink.markedNanos : sink.unmarkedNanos).recordValue(LatencyRecorder.clamp(latencyNanos));
    }
}
