package shout.client;

import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * Gathers the latency recorded by every I/O thread since the last call into one interval histogram,
 * and keeps the running total of the measured part. Used by the coordinating thread only; the I/O
 * threads go on recording while it collects (the recorders are made for exactly that).
 */
final class IntervalCollector {

    private final List<SingleWriterRecorder> recorders;
    private final Histogram[] recycled;
    private final Histogram interval = newHistogram();
    private final Histogram total = newHistogram();

    IntervalCollector(List<SingleWriterRecorder> recorders) {
        this.recorders = recorders;
        this.recycled = new Histogram[recorders.size()];
    }

    /** The latencies recorded since the previous call, also added to {@link #total}; reused by the next call. */
    Histogram collect() {
        interval.reset();
        long startMillis = Long.MAX_VALUE;
        long endMillis = 0;
        for (int i = 0; i < recorders.size(); i++) {
            recycled[i] = recorders.get(i).getIntervalHistogram(recycled[i]);
            interval.add(recycled[i]);
            startMillis = Math.min(startMillis, recycled[i].getStartTimeStamp());
            endMillis = Math.max(endMillis, recycled[i].getEndTimeStamp());
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

    private static Histogram newHistogram() {
        return new Histogram(1, LoopStats.HIGHEST_LATENCY_NANOS, 3);
    }
}
