package shout.load.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import shout.load.ErrorKind;
import shout.load.MarkShare;
import shout.load.io.PolledSocket;

/**
 * One connection's traffic: begins messages as the pipeline (and, in the open loop, the schedule)
 * allows, writes them, and checks every reply byte against the oracle as it arrives, in pieces of any
 * size. Message {@code m} is bytes {@code [m*size, (m+1)*size)} of the stream each way.
 * Confined to the I/O thread that owns it; it allocates nothing per message.
 */
final class LoadConnection {

    private final int index;
    private final int payloadBytes;
    private final int pipeline;
    private final PayloadSlab slab;
    private final int slot;
    private final OpenLoopSchedule schedule;
    private final RunControl control;
    private final LoopStats stats;
    /** Chooses and records the marked messages; null when the run marks none. */
    private final MessageMarks marks;

    private PolledSocket socket;
    private long connectDeadlineNanos;
    private boolean established;
    private boolean ended;
    private boolean waitingToWrite;
    /** Open loop: a due message waits for a reply to make room in the pipeline (counted in {@link LoopStats#connectionsHeldBack}). */
    private boolean heldBack;
    private long begun;
    private long scheduled;
    private long completed;
    private long bytesWritten;
    /** Where in the send ring the next write starts: {@code bytesWritten} modulo the ring's length. */
    private int ringPosition;
    private long bytesReceived;
    private int replyOffset;
    /** The first message begun while measuring: it and later ones count against the budget and as outstanding. */
    private long firstMeasured = Long.MAX_VALUE;
    private long measuredCompleted;

    /**
     * @param slab     the owning I/O thread's slab, which receives this connection's payload
     * @param schedule the open loop's schedule, or null for a closed loop
     * @param mark     which messages start with the marker; with any, {@code pipeline} must be 1 and {@code stats} marking
     */
    LoadConnection(int index, Payload payload, int pipeline, PayloadSlab slab, OpenLoopSchedule schedule,
                   RunControl control, LoopStats stats, MarkShare mark) {
        this.index = index;
        this.payloadBytes = payload.request().length;
        this.pipeline = pipeline;
        this.slab = slab;
        this.slot = slab.add(payload);
        this.schedule = schedule;
        this.control = control;
        this.stats = stats;
        this.marks = mark.any() ? new MessageMarks(mark, index, slab, slot) : null;
    }

    int index() {
        return index;
    }

    /** Takes ownership of a freshly opened socket: from here on, {@link #closeSocket} closes it. */
    void attach(PolledSocket socket, long connectDeadlineNanos) {
        this.socket = socket;
        this.connectDeadlineNanos = connectDeadlineNanos;
    }

    PolledSocket socket() {
        return socket;
    }

    long connectDeadlineNanos() {
        return connectDeadlineNanos;
    }

    /** True once the connect either succeeded or failed. */
    boolean isSettled() {
        return established || ended;
    }

    /** The connect failed: release the socket; the caller counts the failure. */
    void connectFailed() {
        ended = true;
        closeSocket();
    }

    void established() throws IOException {
        established = true;
        socket.watch(false);
    }

    boolean isEstablished() {
        return established;
    }

    /** True while the connection is established and neither side has ended it. */
    boolean isLive() {
        return established && !ended;
    }

    long measuredCompleted() {
        return measuredCompleted;
    }

    /**
     * When the oldest reply still owed was begun (sent, not scheduled: a per-reply timeout times the server and
     * the wire, not the client's own lateness); {@code nowNanos} when none is owed.
     */
    long oldestOwedSentNanos(long nowNanos) {
        return begun > completed ? slab.sentNanos(slot, completed) : nowNanos;
    }

    /**
     * The open loop's schedule reached this connection's next message, and the client got round to it at
     * {@code nowNanos}: how late that is counts as the client's own lateness, whether or not the pipeline lets
     * the message go now (a message held back for a reply waits for the server, not for the client).
     */
    void scheduledOneMore(long nowNanos) throws IOException {
        sink(nowNanos).latenessNanos.recordValue(LatencyRecorder.clamp(nowNanos - schedule.sendNanos(index, scheduled)));
        scheduled++;
        send(nowNanos);
    }

    /** Begins every message the pipeline, the schedule and the budget allow, and writes what is owed. */
    void send(long nowNanos) throws IOException {
        long allowed = completed + pipeline;
        if (schedule != null) {
            allowed = Math.min(allowed, scheduled);
        }
        long counting = sink(nowNanos).countsReplies;
        while (begun < allowed) {
            // begun itself while measuring, else no message: the first such is where measuring began
            firstMeasured = Math.min(firstMeasured, begun | ((counting - 1L) & Long.MAX_VALUE));
            int measured = atOrAfter(begun, firstMeasured);
            if (!control.tryTakeMessage(measured)) {
                break;
            }
            if (marks != null) {
                marks.begin(begun);
            }
            slab.issued(slot, begun, schedule == null ? nowNanos : schedule.sendNanos(index, begun), nowNanos);
            stats.outstandingMeasured += measured;
            begun++;
        }
        flush(nowNanos);
        holdBack(schedule != null && begun < scheduled && begun - completed >= pipeline);
    }

    private void holdBack(boolean held) {
        if (held != heldBack) {
            heldBack = held;
            stats.connectionsHeldBack += held ? 1 : -1;
        }
    }

    /** Writes owed bytes until done or the socket is full; OP_WRITE only while bytes are pending, or the selector spins. */
    void flush(long nowNanos) throws IOException {
        MeasuredSink sink = sink(nowNanos);
        long targetBytes = begun * payloadBytes;
        int ringBytes = slab.ringBytes();
        while (bytesWritten < targetBytes) {
            int length = (int) Math.min(ringBytes - ringPosition, targetBytes - bytesWritten);
            int written = socket.write(slab.sendRing(slot, ringPosition, length));
            bytesWritten += written;
            ringPosition += written;
            if (ringPosition == ringBytes) {
                ringPosition = 0;
            }
            sink.bytesOut += written;
            if (written < length) {
                if (!waitingToWrite) {
                    socket.watch(true);
                    waitingToWrite = true;
                }
                return;
            }
        }
        if (waitingToWrite) {
            socket.watch(false);
            waitingToWrite = false;
        }
    }

    /**
     * Reads once into {@code scratch} (a direct buffer: no copy on the way in) and verifies what came.
     * Returns false when the server ended the connection; the caller then calls {@link #end}.
     */
    boolean read(ByteBuffer scratch) throws IOException {
        scratch.clear();
        int length = socket.read(scratch);
        if (length < 0) {
            return false;
        }
        long nowNanos = System.nanoTime();
        long arrivedNanos = socket.arrivalNanos(nowNanos);
        long owed = bytesWritten - bytesReceived;
        if (length > owed) {                       // bytes nobody asked for: as wrong as a wrong byte
            stats.count(ErrorKind.MISMATCH, length - owed);
            length = (int) owed;
        }
        bytesReceived += length;
        sink(arrivedNanos).bytesIn += length;              // by the same clock as the replies they complete
        verify(scratch, length, arrivedNanos, nowNanos);
        return true;
    }

    /** Checks a read's bytes; a reply they complete is timed at {@code arrivedNanos}, a send it lets go at {@code nowNanos}. */
    private void verify(ByteBuffer reply, int length, long arrivedNanos, long nowNanos) throws IOException {
        int offset = 0;
        boolean anyCompleted = false;
        while (offset < length) {
            int take = Math.min(payloadBytes - replyOffset, length - offset);
            int wrong = slab.countWrong(slot, replyOffset, reply, offset, take);
            if (wrong > 0) {
                stats.count(ErrorKind.MISMATCH, wrong);
            }
            offset += take;
            replyOffset += take;
            if (replyOffset == payloadBytes) {
                replyOffset = 0;
                complete(arrivedNanos);
                anyCompleted = true;
            }
        }
        if (anyCompleted) {
            send(nowNanos);
        }
    }

    /**
     * Counts a whole reply. Every reply that arrives while measuring counts, also one whose message was sent
     * during the warm-up: counting only messages sent while measuring missed the reply each connection was
     * owed when measuring began, 1,000 of the 60,000 of a one-second cell at 1,000 connections.
     */
    private void complete(long arrivedNanos) {
        long message = completed++;
        stats.repliesCompleted++;
        stats.outstandingMeasured -= atOrAfter(message, firstMeasured);
        MeasuredSink sink = sink(arrivedNanos);              // the warm-up's scratch sink takes the same path
        long latencyNanos = arrivedNanos - slab.issueNanos(slot, message);
        sink.latency.record(latencyNanos);
        if (marks != null) {
            marks.record(sink, latencyNanos);
        }
        if (schedule != null) {
            sink.serviceNanos.recordValue(LatencyRecorder.clamp(arrivedNanos - slab.sentNanos(slot, message)));
        }
        measuredCompleted += sink.countsReplies;
    }

    /** Where what this connection does at {@code nowNanos} counts: the measured sink, or the warm-up's scratch one. */
    private MeasuredSink sink(long nowNanos) {
        return stats.sinkAt(control.measureStartNanos(), nowNanos);
    }

    /** 1 when {@code message} is {@code first} or later, else 0; without a branch (both are at least 0). */
    private static int atOrAfter(long message, long first) {
        return (int) ((first - message - 1) >>> 63);
    }

    /**
     * Ends the connection: counts {@code cause} (null when the client itself ends the run) and, if the
     * server ended it, every byte still owed as lost.
     */
    void end(ErrorKind cause) {
        if (ended) {
            return;
        }
        ended = true;
        holdBack(false);
        if (cause != null) {
            stats.count(cause, 1);
            long owedBytes = bytesWritten - bytesReceived;
            if (owedBytes > 0) {
                stats.count(ErrorKind.LOST, owedBytes);
            }
            long firstOutstanding = Math.max(firstMeasured, completed);
            if (begun > firstOutstanding) {
                stats.outstandingMeasured -= begun - firstOutstanding;   // lost, never to be answered
            }
        }
        closeSocket();
    }

    void closeSocket() {
        if (socket != null) {
            socket.close();
        }
    }
}
