package shout.load.engine;

import java.nio.ByteBuffer;

/**
 * The payload bytes and send times of one I/O thread's connections, packed side by side in a few
 * shared buffers instead of several small objects per connection: at a thousand connections, the
 * per-message path then touches one connection object and a few adjacent slab lines, which keeps
 * the client's cache footprint small next to the kernel's socket state. Slot {@code s} owns one send
 * ring, one expected reply and (at least) {@code pipeline} issue times. Confined to the I/O thread that owns it.
 */
final class PayloadSlab {

    private final int payloadBytes;
    private final int ringBytes;
    private final int pipeline;
    /** Issue times kept per slot: the pipeline depth rounded up to a power of two, to index with a mask. */
    private final int issueRing;
    private final ByteBuffer sendRings;
    /** The send rings again, for single bytes: {@link #sendRing} moves the limit of the other view, which bounds absolute access. */
    private final ByteBuffer sendRingBytes;
    private final ByteBuffer expectedReplies;
    private final long[] issueNanos;
    /** When each message was actually begun: later than its issue time when the open loop sent it late. */
    private final long[] sentNanos;
    private int slots;

    PayloadSlab(int payloadBytes, int pipeline, int capacity) {
        this.payloadBytes = payloadBytes;
        this.ringBytes = Payload.ringBytes(payloadBytes, pipeline);
        this.pipeline = pipeline;
        this.issueRing = pipeline == 1 ? 1 : Integer.highestOneBit(pipeline - 1) << 1;
        this.sendRings = ByteBuffer.allocateDirect(Math.multiplyExact(ringBytes, capacity));
        this.sendRingBytes = sendRings.duplicate();
        this.expectedReplies = ByteBuffer.allocateDirect(Math.multiplyExact(payloadBytes, capacity));
        this.issueNanos = new long[Math.multiplyExact(issueRing, capacity)];
        this.sentNanos = new long[issueNanos.length];
    }

    /** Stores one connection's payload and returns its slot. */
    int add(Payload payload) {
        int slot = slots++;
        sendRings.put(slot * ringBytes, payload.sendRing(pipeline));
        expectedReplies.put(slot * payloadBytes, payload.expectedReply());
        return slot;
    }

    /** The first byte of the slot's message. */
    byte firstRequestByte(int slot) {
        return sendRingBytes.get(slot * ringBytes);
    }

    /** The first byte of the reply the slot expects. */
    byte firstReplyByte(int slot) {
        return expectedReplies.get(slot * payloadBytes);
    }

    /**
     * Sets the first byte of the slot's message and of its expected reply, as {@link MessageMarks} does. Only the
     * ring's first copy changes: the caller has at most one message in flight (pipeline 1), whose ring is that copy.
     */
    void setFirstBytes(int slot, byte request, byte reply) {
        sendRingBytes.put(slot * ringBytes, request);
        expectedReplies.put(slot * payloadBytes, reply);
    }

    int ringBytes() {
        return ringBytes;
    }

    /** Selects bytes {@code [from, from + length)} of the slot's send ring, ready for one write. */
    ByteBuffer sendRing(int slot, int from, int length) {
        int start = slot * ringBytes + from;
        sendRings.limit(start + length).position(start);
        return sendRings;
    }

    /**
     * How many of the reply's bytes {@code [offset, offset + length)} differ from bytes
     * {@code [from, from + length)} of the slot's expected reply. Compares eight bytes at a time with
     * absolute reads, which leave both buffers' positions alone: the check runs for every reply byte.
     */
    int countWrong(int slot, int from, ByteBuffer reply, int offset, int length) {
        int expectedAt = slot * payloadBytes + from;
        int wrong = 0;
        int i = 0;
        for (; i + Long.BYTES <= length; i += Long.BYTES) {
            long difference = reply.getLong(offset + i) ^ expectedReplies.getLong(expectedAt + i);
            if (difference != 0) {
                wrong += nonZeroBytes(difference);
            }
        }
        for (; i < length; i++) {
            wrong += reply.get(offset + i) == expectedReplies.get(expectedAt + i) ? 0 : 1;
        }
        return wrong;
    }

    /** The number of bytes of {@code word} that are not zero. */
    static int nonZeroBytes(long word) {
        long low7 = 0x7F7F_7F7F_7F7F_7F7FL;
        return Long.bitCount(((word & low7) + low7 | word) & ~low7);
    }

    /**
     * Message {@code message} of {@code slot} begins: latency counts from {@code issueNanos} (its scheduled time in the
     * open loop), service time from {@code sentNanos}, when the client began it.
     */
    void issued(int slot, long message, long issueNanos, long sentNanos) {
        int at = slot * issueRing + (int) (message & (issueRing - 1));
        this.issueNanos[at] = issueNanos;
        this.sentNanos[at] = sentNanos;
    }

    long issueNanos(int slot, long message) {
        return issueNanos[slot * issueRing + (int) (message & (issueRing - 1))];
    }

    long sentNanos(int slot, long message) {
        return sentNanos[slot * issueRing + (int) (message & (issueRing - 1))];
    }
}
