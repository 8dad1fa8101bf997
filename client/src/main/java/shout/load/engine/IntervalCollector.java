package shout.load.engine;

import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Gathers the latency recorded by every I/O thread since the last call into one interval histogram,
 * and keeps the running total of the measured part. Used by the coordinating thread only; the I/O
 * threads go on recording while it collects (their recorders are made for exactly that).
 */
final class IntervalCollector {

    private final List<LatencyRecorder> recorders;
    private final Histogram interval = LatencyRecorder.newHistogram();
    private final Histogram total = LatencyRecorder.newHistogram();

    IntervalCollector(List<LatencyRecorder> recorders) {
        this.recorders = recorders;
    }

    /** The latencies recorded since the previous call, also added to {@link #total}; reused by the next call. */
    Histogram collect() {
        interval.reset();
        long startMillis = Long.MAX_VALUE;
        long endMillis = 0;
        for (LatencyRecorder recorder : recorders) {
            Histogram part = recorder.interval();
            interval.add(part);
            startMillis = Math.min(startMillis, part.getStartTimeStamp());
            endMillis = Math.max(endMillis, part.getEndTimeStamp());
        }
        interval.setStartTimeStamp(startMillis);
        interval.setEndTimeStamp(endMillis);
        total.add(interval);
        return interval;
    }

    /** Every latency collected so far. */
    Histogram total() {
        return total;
    }
}
