package shout.load;

import java.util.Map;

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
 */
public record LoadReport(String target, long seed, boolean openLoop,
                         int connectionsRequested, int connectionsUp, int connectionsFailed,
                         int sizeBytes, int pipeline, double measuredSeconds,
                         long messages, double messagesPerSecond,
                         double megabytesPerSecondOut, double megabytesPerSecondIn,
                         Latency latencyMicros, Map<String, Long> errors, Fairness fairness,
                         double clientCpuSeconds, String io) {

    /** Latency percentiles in microseconds. */
    public record Latency(double p50, double p90, double p99, double p999, double max, double mean) {
    }

    /** Messages completed per connection: min, median, max, and how many connections completed none. */
    public record Fairness(long min, long median, long max, int starved) {
    }

    /** True when any byte came back wrong or never came back: such a run exits with code 3. */
    public boolean lostOrCorrupted() {
        return errors.getOrDefault("mismatch", 0L) > 0 || errors.getOrDefault("lost", 0L) > 0;
    }
}
