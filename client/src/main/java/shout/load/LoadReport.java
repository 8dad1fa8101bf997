package shout.load;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * Every figure of one load run. {@code shout load --json FILE} writes exactly this record (Jackson,
 * field names as below), and {@code shout compare} reads it back, so renaming a field is a format change.
 *
 * @param target              host:port that was driven
 * @param seed                the payload seed, printed so a run can be replayed
 * @param openLoop            true when paced by {@code --rate} (latency from the scheduled send time)
 * @param connectionsRequested connections asked for
 * @param connectionsUp       connections that were established
 * @param connectionsFailed   connections that could not be established (see {@code errors})
 * @param sizeBytes           bytes per message
 * @param pipeline            messages in flight per connection
 * @param interrupted         true when Ctrl-C or SIGTERM ended the run early: the figures cover what
 *                            was measured until then (measuredSeconds 0 when measuring had not begun)
 * @param measuredSeconds     length of the measured part, warm-up excluded
 * @param messages            verified round trips completed in the measured part
 * @param messagesPerSecond   messages / measuredSeconds
 * @param megabytesPerSecondOut request bytes sent per second, in MB (10^6 bytes)
 * @param megabytesPerSecondIn  reply bytes received per second, in MB
 * @param latencyMicros       round-trip latency percentiles of the measured part
 * @param errors              counts by kind (mismatch, lost, unexpected-close, refused, reset, timeout, ...); zero kinds omitted
 * @param fairness            completed messages per connection in the measured part
 * @param clientCpuSeconds    CPU time the load client itself used during the measured part
 * @param io                  the load client's I/O engine: {@code epoll} or {@code nio}
 * @param version             the shout version that ran the load
 * @param hostName            the machine the load client ran on
 * @param tag                 the run's {@code --tag}, naming it among several merged runs; null when not given
 * @param startTime           when the run started (connecting), ISO-8601 in UTC: {@code 2026-11-30T18:00:00.123Z}
 * @param settings            every setting of the run, enough to run it again
 * @param intervals           throughput of the measured part, one entry per {@code --interval} (1 s by default) of the run's clock
 * @param latencyHistogramNanos the measured latencies (ns) as HdrHistogram encodes a histogram
 *                            ({@code encodeIntoCompressedByteBuffer}), in Base64: runs merge exactly from it
 */
public record LoadReport(String target, long seed, boolean openLoop,
                         int connectionsRequested, int connectionsUp, int connectionsFailed,
                         int sizeBytes, int pipeline, boolean interrupted, double measuredSeconds,
                         long messages, double messagesPerSecond,
                         double megabytesPerSecondOut, double megabytesPerSecondIn,
                         Latency latencyMicros, Map<String, Long> errors, Fairness fairness,
                         double clientCpuSeconds, String io,
                         String version, String hostName, String tag, String startTime, Settings settings,
                         List<Interval> intervals, String latencyHistogramNanos) {

    /** Latency percentiles in microseconds. */
    public record Latency(double p50, double p90, double p99, double p999, double max, double mean) {

        /** The percentiles of {@code nanos}, read as a run's and a merge's are: all zero when it is empty. */
        public static Latency of(Histogram nanos) {
            if (nanos.getTotalCount() == 0) {
                return new Latency(0, 0, 0, 0, 0, 0);
            }
            return new Latency(micros(nanos, 50), micros(nanos, 90), micros(nanos, 99), micros(nanos, 99.9),
                    nanos.getMaxValue() / 1e3, nanos.getMean() / 1e3);
        }

        private static double micros(Histogram nanos, double percentile) {
            return nanos.getValueAtPercentile(percentile) / 1e3;
        }
    }

    /** Messages completed per connection: min, median, max, and how many connections completed none. */
    public record Fairness(long min, long median, long max, int starved) {
    }

    /**
     * The run's settings as asked for; {@code io} is the engine asked for ({@code auto}), the report's
     * {@code io} the one that ran. Durations in seconds; {@code messages} 0 for a timed run; {@code intervalSeconds}
     * the length of the throughput intervals ({@code --interval}).
     */
    public record Settings(String target, int connections, int threads, double rateMessagesPerSecond,
                           double connectRatePerSecond, double warmupSeconds, double durationSeconds, long messages,
                           int sizeBytes, int pipeline, String io, long seed, double intervalSeconds) {
    }

    /**
     * The messages completed in one interval of the measured part.
     *
     * @param startSeconds since the measured part began
     * @param seconds      the interval's length: about the run's {@code --interval}; the last may be shorter
     */
    public record Interval(double startSeconds, double seconds, long messages, double messagesPerSecond) {
    }

    /** Encodes a latency histogram as {@link #latencyHistogramNanos} holds it. */
    public static String encode(Histogram latencyNanos) {
        ByteBuffer buffer = ByteBuffer.allocate(latencyNanos.getNeededByteBufferCapacity());
        int length = latencyNanos.encodeIntoCompressedByteBuffer(buffer);
        return Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length));
    }

    /** The measured latencies (ns) decoded from {@link #latencyHistogramNanos}, to merge runs or read any percentile. */
    public Histogram decodeLatencyHistogram() throws DataFormatException {
        return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(latencyHistogramNanos)), 0);
    }

    /** True when any byte came back wrong or never came back: such a run exits with code 3. */
    public boolean lostOrCorrupted() {
        return errors.getOrDefault("mismatch", 0L) > 0 || errors.getOrDefault("lost", 0L) > 0;
    }
}
