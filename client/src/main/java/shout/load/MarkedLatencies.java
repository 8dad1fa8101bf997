package shout.load;

import org.HdrHistogram.Histogram;

/**
 * The latencies of a run with {@code --mark}, the marked messages' apart from the others', so that a reader sees
 * whether the cheap messages waited behind the expensive ones (head-of-line blocking). Both are counted and timed
 * exactly as the run's overall latency, of which they are the two parts. {@code shout load --json} writes these
 * fields flat into the report; a run without marks has none of them.
 *
 * @param markPercent                   the share of messages marked, as asked ({@code --mark 1%} is 1.0)
 * @param markedMessages                measured messages that were marked
 * @param unmarkedMessages              measured messages that were not
 * @param markedLatencyMicros           percentiles of the marked messages' latency
 * @param unmarkedLatencyMicros         percentiles of the other messages' latency
 * @param markedLatencyHistogramNanos   the marked latencies (ns), encoded as {@link LoadReport#latencyHistogramNanos} is
 * @param unmarkedLatencyHistogramNanos the other latencies (ns), encoded the same way
 */
public record MarkedLatencies(double markPercent, long markedMessages, long unmarkedMessages,
                              LoadReport.Latency markedLatencyMicros, LoadReport.Latency unmarkedLatencyMicros,
                              String markedLatencyHistogramNanos, String unmarkedLatencyHistogramNanos) {

    /** The figures of the two histograms, in nanoseconds, of a run that marked {@code share}. */
    public static MarkedLatencies of(MarkShare share, Histogram markedNanos, Histogram unmarkedNanos) {
        return new MarkedLatencies(share.percent(), markedNanos.getTotalCount(), unmarkedNanos.getTotalCount(),
                LoadReport.Latency.of(markedNanos), LoadReport.Latency.of(unmarkedNanos),
                LoadReport.encode(markedNanos), LoadReport.encode(unmarkedNanos));
    }

}
