package shout.load.engine;

import java.util.ArrayList;
import java.util.List;
import shout.load.LoadReport;

/**
 * The measured part's throughput, an entry per interval the coordinator collects ({@code --interval}),
 * counted from the interval histograms it collects anyway: no work per message. Coordinator thread only.
 */
final class ThroughputLog {

    private final List<LoadReport.Interval> intervals = new ArrayList<>();
    private long startNanos;
    private long lastNanos;

    /** The measured part begins now. */
    void start(long nowNanos) {
        startNanos = nowNanos;
        lastNanos = nowNanos;
    }

    /** {@code messages} completed since the previous call (or {@link #start}) until {@code nowNanos}. */
    void add(long messages, long nowNanos) {
        long nanos = nowNanos - lastNanos;
        if (nanos <= 0 && messages == 0) {
            return;
        }
        double seconds = nanos / 1e9;
        intervals.add(new LoadReport.Interval((lastNanos - startNanos) / 1e9, seconds, messages,
                seconds > 0 ? messages / seconds : 0));
        lastNanos = nowNanos;
    }

    List<LoadReport.Interval> intervals() {
        return List.copyOf(intervals);
    }
}
