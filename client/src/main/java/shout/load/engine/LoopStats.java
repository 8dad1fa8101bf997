package shout.load.engine;

import shout.load.ErrorKind;

/**
 * The counters of one I/O thread. Only that thread writes them; the coordinator reads the plain
 * fields after joining it, and only the latency recorder (made for this) and {@link #repliesPublished()} while it runs.
 */
final class LoopStats {

    final LatencyRecorder latency = new LatencyRecorder();
    /** The measured part's figures: latencies, open-loop times, marks and bytes. */
    final MeasuredSink measured;
    /** A scratch sink for what happens before the measured part, then {@link #measured}: picked by index, not by a branch. */
    private final MeasuredSink[] sinks;
    final long[] errors = new long[ErrorKind.values().length];
    int connectionsFailed;
    /** Measured messages begun but neither answered nor lost yet. */
    long outstandingMeasured;
    /** Open loop: live connections whose due message waits for a reply; while there are any, each reply wakes the thread. */
    int connectionsHeldBack;

    /** Replies completed in any phase, warm-up included: what the progress line's rate counts. */
    long repliesCompleted;
    /** {@link #repliesCompleted} as of this thread's last poll pass: one volatile write a pass, not one a reply. */
    private volatile long repliesPublished;

    /** @param marking whether the run marks messages, and so keeps their latencies apart */
    LoopStats(boolean marking) {
        measured = MeasuredSink.measured(latency, marking);
        sinks = new MeasuredSink[] {MeasuredSink.scratch(marking), measured};
    }

    /**
     * Where what happens at {@code nowNanos} goes, the measured part having begun at {@code measureStartNanos}
     * ({@link Long#MAX_VALUE} before it has); both on nanoTime's clock, which is at least 0 here.
     */
    MeasuredSink sinkAt(long measureStartNanos, long nowNanos) {
        return sinks[(int) ((measureStartNanos - nowNanos - 1) >>> 63)];
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
