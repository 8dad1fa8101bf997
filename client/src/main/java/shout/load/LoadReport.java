package shout.load;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * Every figure of one load run, in the parts a reader asks about. {@code shout load --json FILE} writes this
 * record (Jackson) as one flat object, each part's fields unwrapped into it under the names below, and
 * {@code shout merge} and {@code shout compare} read it back, so renaming a field is a format change.
 *
 * @param run                   what ran: target, seed, loop, message shape, tag, start, and whether it was cut short
 * @param connections           connections asked for, established, and failed
 * @param throughput            the measured part: its length, messages, rates and intervals
 * @param latencyMicros         round-trip latency percentiles of the measured part
 * @param errors                counts by kind (mismatch, lost, unexpected-close, refused, reset, timeout, ...); zero kinds omitted
 * @param fairness              completed messages per connection in the measured part
 * @param client                the load client that ran it: engine, version, host, CPU time
 * @param settings              every setting of the run, enough to run it again
 * @param latencyHistogramNanos the measured latencies (ns) as HdrHistogram encodes a histogram
 *                              ({@code encodeIntoCompressedByteBuffer}), in Base64: runs merge exactly from it
 * @param openLoopTimes         an open loop's service time and client lateness; null for a closed loop and in reports
 *                              written before they were measured
 * @param markedLatencies       the latencies of marked and other messages apart; null for a run without {@code --mark}
 */
@JsonIgnoreProperties(value = "clientCpuMicrosPerMessage", allowGetters = true)
public record LoadReport(@JsonUnwrapped Run run, @JsonUnwrapped ConnectionCounts connections,
                         @JsonUnwrapped Throughput throughput, Latency latencyMicros, Map<String, Long> errors,
                         Fairness fairness, @JsonUnwrapped Client client, Settings settings, String latencyHistogramNanos,
                         @JsonUnwrapped OpenLoopTimes openLoopTimes, @JsonUnwrapped MarkedLatencies markedLatencies) {

    public LoadReport {
        // Jackson makes an empty part of a file that has none of its fields
        if (openLoopTimes != null && openLoopTimes.serviceTimeHistogramNanos() == null) {
            openLoopTimes = null;
        }
        if (markedLatencies != null && markedLatencies.markedLatencyHistogramNanos() == null) {
            markedLatencies = null;
        }
    }

    /** A report without marks: a run without {@code --mark}, or a merge. */
    public LoadReport(Run run, ConnectionCounts connections, Throughput throughput, Latency latencyMicros, Map<String, Long> errors,
                      Fairness fairness, Client client, Settings settings, String latencyHistogramNanos, OpenLoopTimes openLoopTimes) {
        this(run, connections, throughput, latencyMicros, errors, fairness, client, settings, latencyHistogramNanos, openLoopTimes, null);
    }

    /** A report without open-loop times: a closed loop's, or one read from HdrHistogram logs. */
    public LoadReport(Run run, ConnectionCounts connections, Throughput throughput, Latency latencyMicros, Map<String, Long> errors,
                      Fairness fairness, Client client, Settings settings, String latencyHistogramNanos) {
        this(run, connections, throughput, latencyMicros, errors, fairness, client, settings, latencyHistogramNanos, null, null);
    }

    /**
     * The client's CPU time per measured message, in microseconds ({@code clientCpuSeconds} over {@code messages}); 0
     * when nothing was measured. Written to the JSON, never read from it: it follows from the two.
     */
    @JsonProperty("clientCpuMicrosPerMessage")
    public double clientCpuMicrosPerMessage() {
        long messages = throughput.messages();
        return messages > 0 ? client.clientCpuSeconds() * 1e6 / messages : 0;
    }

    /** True when the client fell behind its own open-loop schedule beyond {@link OpenLoopTimes#LATE_NANOS}. */
    public boolean clientLate() {
        return openLoopTimes != null && openLoopTimes.clientLate();
    }

    /**
     * What ran, and how it ended.
     *
     * @param target      host:port that was driven
     * @param seed        the payload seed, printed so a run can be replayed
     * @param openLoop    true when paced by {@code --rate} (latency from the scheduled send time)
     * @param sizeBytes   bytes per message
     * @param pipeline    messages in flight per connection
     * @param tag         the run's {@code --tag}, naming it among several merged runs; null when not given
     * @param startTime   when the run started (connecting), ISO-8601 in UTC: {@code 2026-11-30T18:00:00.123Z}
     * @param interrupted true when Ctrl-C or SIGTERM ended the run early: the figures cover what was measured
     *                    until then (measuredSeconds 0 when measuring had not begun)
     */
    public record Run(String target, long seed, boolean openLoop, int sizeBytes, int pipeline, String tag, String startTime,
                      boolean interrupted) {
    }

    /**
     * @param connectionsRequested connections asked for
     * @param connectionsUp        connections that were established
     * @param connectionsFailed    connections that could not be established (see {@code errors})
     * @param idleConnections      idle connections asked for ({@code --idle}): held open beside these, never sent on
     * @param idleConnectionsHeld  idle connections still open at the end, the server having neither closed them nor
     *                             sent on them; 0 in reports written before {@code --idle} existed
     */
    public record ConnectionCounts(int connectionsRequested, int connectionsUp, int connectionsFailed, int idleConnections,
                                   int idleConnectionsHeld) {

        /** Counts of a run without idle connections. */
        public ConnectionCounts(int connectionsRequested, int connectionsUp, int connectionsFailed) {
            this(connectionsRequested, connectionsUp, connectionsFailed, 0, 0);
        }
    }

    /**
     * @param measuredSeconds       length of the measured part, warm-up excluded
     * @param messages              verified round trips completed in the measured part
     * @param messagesPerSecond     messages / measuredSeconds
     * @param megabytesPerSecondOut request bytes sent per second, in MB (10^6 bytes)
     * @param megabytesPerSecondIn  reply bytes received per second, in MB
     * @param intervals             throughput of the measured part, one entry per {@code --interval} (1 s by default)
     *                              of the run's clock
     */
    public record Throughput(double measuredSeconds, long messages, double messagesPerSecond, double megabytesPerSecondOut,
                             double megabytesPerSecondIn, List<Interval> intervals) {
    }

    /**
     * @param clientCpuSeconds CPU time the load client itself used during the measured part
     * @param io               the load client's I/O engine: {@code epoll} or {@code nio}
     * @param version          the shout version that ran the load
     * @param hostName         the machine the load client ran on
     */
    public record Client(double clientCpuSeconds, String io, String version, String hostName) {
    }

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
     * {@code io} the one that ran; {@code expect} what every reply byte was checked against ({@code upper} or
     * {@code echo}, see {@link Expectation}); a merge of runs checked differently names both ({@code upper,echo}).
     * A report written before {@code --expect} existed has none, and was checked as {@code upper}.
     */
    public record Settings(String target, int connections, int threads, @JsonUnwrapped Rates rates,
                           @JsonUnwrapped Timing timing, int sizeBytes, int pipeline, String io, long seed, String expect) {

        public Settings {
            expect = expect == null ? Expectation.UPPER.cliName() : expect;
        }

        /** The rates asked for: 0 for as fast as it can. */
        public record Rates(double rateMessagesPerSecond, double connectRatePerSecond) {
        }

        /**
         * The times asked for, in seconds; {@code messages} 0 for a timed run, {@code intervalSeconds} the length of the
         * throughput intervals ({@code --interval}).
         */
        public record Timing(double warmupSeconds, double durationSeconds, long messages, double intervalSeconds) {
        }
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
        return decode(latencyHistogramNanos);
    }

    /** Decodes a histogram that {@link #encode} wrote. */
    public static Histogram decode(String encoded) throws DataFormatException {
        return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(encoded)), 0);
    }

    /** True when any byte came back wrong or never came back: such a run exits with code 3. */
    public boolean lostOrCorrupted() {
        return errors.getOrDefault("mismatch", 0L) > 0 || errors.getOrDefault("lost", 0L) > 0;
    }
}
