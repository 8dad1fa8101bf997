package shout.load;

import java.util.concurrent.TimeUnit;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * What an open loop measures beside its latency, so a reader can tell the client's part of a tail from the
 * server's: each message's service time, counted from when the client actually sent it rather than from its
 * scheduled time (wrk2's uncorrected latency), and the client's own lateness, how long after its scheduled time
 * the client got round to each send. {@code shout load --json} writes these fields flat into the report.
 *
 * <p>Why 1 ms for {@link #LATE_NANOS}: a reader compares the client's tail with the server's in absolute time, and
 * the loop's batching of sends makes it at most a fifth of that late by design; a client later than that at the
 * 99th percentile did not get the CPU it needed when it needed it (busy, or descheduled by other work on its core),
 * so the tail of its latency is the client's as much as the server's. Relative to the send interval it would be
 * either lax (50 ms per connection at 20k msgs/s over 1,000 connections) or, at high rates, tighter than a wake-up.
 *
 * @param serviceTimeMicros         percentiles of the time from each actual send to its reply
 * @param latenessMicros            percentiles of the actual send time minus the scheduled one
 * @param clientLate                true when the 99th percentile of the lateness exceeds {@link #LATE_NANOS}: the run is
 *                                  then client-bound
 * @param serviceTimeHistogramNanos the service times (ns) encoded as {@link LoadReport#latencyHistogramNanos} is
 * @param latenessHistogramNanos    the lateness (ns) encoded the same way
 */
public record OpenLoopTimes(LoadReport.Latency serviceTimeMicros, LoadReport.Latency latenessMicros, boolean clientLate,
                            String serviceTimeHistogramNanos, String latenessHistogramNanos) {

    /** From this 99th percentile of lateness on, an open-loop run reads as client-bound. */
    public static final long LATE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    /** The figures of these two histograms, in nanoseconds, with {@link #clientLate} judged from the lateness. */
    public static OpenLoopTimes of(Histogram serviceNanos, Histogram latenessNanos) {
        boolean late = latenessNanos.getTotalCount() > 0
                && latenessNanos.lowestEquivalentValue(latenessNanos.getValueAtPercentile(99)) > LATE_NANOS;
        return new OpenLoopTimes(LoadReport.Latency.of(serviceNanos), LoadReport.Latency.of(latenessNanos), late,
                LoadReport.encode(serviceNanos), LoadReport.encode(latenessNanos));
    }

    /** The service times (ns), decoded. */
    public Histogram decodeServiceTime() throws DataFormatException {
        return LoadReport.decode(serviceTimeHistogramNanos);
    }

    /** The lateness (ns), decoded. */
    public Histogram decodeLateness() throws DataFormatException {
        return LoadReport.decode(latenessHistogramNanos);
    }
}
