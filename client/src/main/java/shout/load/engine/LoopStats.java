package shout.load.engine;

import org.HdrHistogram.Histogram;
import shout.load.ErrorKind;

/**
 * The counters of one I/O thread. Only that thread writes them; the coordinator reads the plain
 * fields after joining it, and only the latency recorder (made for this) and {@link #repliesPublished()} while it runs.
 */
final class LoopStats {

    final LatencyRecorder latency = new LatencyRecorder();
    /** Open loop, measured part: how late the client got round to each scheduled send, and each reply's service time. */
    final Histogram latenessNanos = LatencyRecorder.newHistogram();
    final Histogram serviceNanos = LatencyRecorder.newHistogram();
    /** With {@code --mark}, measured part: the latencies of marked and of other messages apart; null without. */
    final Histogram markedNanos;
    final Histogram unmarkedNanos;
    final long[] errors = new long[ErrorKind.values().length];
    /** True while this thread is in the measured part; only then are bytes and replies counted. */
    boolean measuring;
    int connectionsFailed;
    long bytesOutMeasured;
    long bytesInMeasured;
    /** Measured messages begun but neither answered nor lost yet. */
    long outstandingMeasured;

    /** Replies completed in any phase, warm-up included: what the progress line's rate counts. */
    long repliesCompleted;
    /** {@link #repliesCompleted} as of this thread's last poll pass: one volatile write a pass, not one a reply. */
    private volatile long repliesPublished;

    /** Counters of a run that marks no message. */
    LoopStats() {
        this(false);
    }

    /** @param marking whether the run marks messages, and so keeps their latencies apart */
    LoopStats(boolean marking) {
        markedNanos = marking ? LatencyRecorder.newHistogram() : null;
        unmarkedNanos = marking ? LatencyRecorder.newHistogram() : null;
    }

    /** Ends a poll pass: its latencies and its reply count become visible to the coordinator. */
    void endPass() {
        latency.endPass();
        repliesPublished = repliesCompleted;
    }

    /** Replies completed up to this thread's last poll pass, readable from any thread. */
    long repliesPublished() {
        return repliesPublished;
    }

    void count(ErrorKind kind, long amount) {
        errors[kind.ordinal()] += amount;
    }
}
