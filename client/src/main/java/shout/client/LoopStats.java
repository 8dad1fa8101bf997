package shout.client;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * The counters of one I/O thread. Only that thread writes them; the coordinator reads the plain
 * fields after joining it, and only the latency recorder (wait-free, made for this) while it runs.
 */
final class LoopStats {

    /** Latencies above this are recorded as this: an hour is beyond any run this client makes. */
    static final long HIGHEST_LATENCY_NANOS = TimeUnit.HOURS.toNanos(1);

    final SingleWriterRecorder latencyNanos = new SingleWriterRecorder(1, HIGHEST_LATENCY_NANOS, 3);
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

    void recordLatency(long nanos) {
        latencyNanos.recordValue(Math.min(Math.max(nanos, 0), HIGHEST_LATENCY_NANOS));
    }
}
