package shout.load.engine;

import shout.load.ErrorKind;

/**
 * The counters of one I/O thread. Only that thread writes them; the coordinator reads the plain
 * fields after joining it, and only the latency recorder (made for this) while it runs.
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

    void count(ErrorKind kind, long amount) {
        errors[kind.ordinal()] += amount;
    }
}
