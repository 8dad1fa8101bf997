package shout.load.engine;

import java.util.concurrent.atomic.AtomicLong;
import shout.load.ErrorKind;

/**
 * The counters of one I/O thread. Only that thread writes them; the coordinator reads the plain
 * fields after joining it, and only the latency recorder (made for this) and {@link #completed()} while it runs.
 */
final class LoopStats {

    final LatencyRecorder latency = new LatencyRecorder();
    final long[] errors = new long[ErrorKind.values().length];
    /** True while this thread is in the measured part; only then are bytes counted. */
    boolean measuring;
    int connectionsFailed;
    long bytesOutMeasured;
    long bytesInMeasured;
    /** Measured messages begun but neither answered nor lost yet. */
    long outstandingMeasured;

    /** Replies completed in any phase, warm-up included: the progress line's rate. Written by this thread only. */
    private final AtomicLong completed = new AtomicLong();

    /** One more reply completed; a single writer, so a plain read and an ordered write suffice. */
    void completedOne() {
        completed.lazySet(completed.get() + 1);
    }

    /** Replies completed so far, readable from any thread. */
    long completed() {
        return completed.get();
    }

    void count(ErrorKind kind, long amount) {
        errors[kind.ordinal()] += amount;
    }
}
