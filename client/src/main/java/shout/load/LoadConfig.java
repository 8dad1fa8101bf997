package shout.load;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import shout.cli.Cli;
import shout.cli.Durations;
import shout.cli.HostPort;

/**
 * One load run, as the command line asked for it. Build one with {@link #builder()}, which starts
 * from the defaults below; the compact constructor rejects impossible values with a message fit for
 * a user.
 *
 * @param host                 the server's host name or address
 * @param port                 the server's port
 * @param connections          connections to open
 * @param threads              I/O threads, each with its own selector and its share of the connections
 * @param payloadBytes         bytes per message
 * @param pipeline             messages in flight per connection at most
 * @param duration             length of the measured part when {@code messages} is 0
 * @param messages             when positive, the measured part ends after exactly this many verified messages
 * @param warmup               traffic before the measured part, not counted
 * @param messagesPerSecond    total send rate of the open loop; 0 runs a closed loop
 * @param connectsPerSecond    pace of opening connections; 0 opens them all at once
 * @param connectTimeout       a connection not established within this long counts as a timeout
 * @param stallTimeout         a counted run with no reply for this long ends with an error
 * @param seed                 seeds the payload, so a run can be replayed
 * @param io                   the I/O engine: the JDK's selector, or epoll called directly
 * @param tag                  names this run among several merged runs; null when not given
 * @param startAt              when not null, traffic waits for this wall-clock instant once the connections are up
 * @param sources              local addresses the connections are bound to in turn (by connection index); empty: the kernel's choice
 * @param interval             length of the report's throughput intervals and of the {@code --hdr-log} interval histograms
 */
public record LoadConfig(String host, int port, int connections, int threads, int payloadBytes, int pipeline,
                         Duration duration, long messages, Duration warmup, double messagesPerSecond,
                         double connectsPerSecond, Duration connectTimeout, Duration stallTimeout, long seed,
                         IoEngine io, String tag, Instant startAt, List<InetAddress> sources, Duration interval) {

    public static final String DEFAULT_HOST = HostPort.DEFAULT_HOST;
    public static final int DEFAULT_PORT = HostPort.DEFAULT_PORT;
    public static final int DEFAULT_CONNECTIONS = 100;
    public static final int DEFAULT_PAYLOAD_BYTES = 64;
    public static final int DEFAULT_PIPELINE = 1;
    public static final Duration DEFAULT_DURATION = Duration.ofSeconds(10);
    /** The warm-up of a timed run; a counted run ({@code messages}) has none unless asked. */
    public static final Duration DEFAULT_WARMUP = Duration.ofSeconds(2);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofSeconds(10);
    public static final IoEngine DEFAULT_IO = IoEngine.AUTO;
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);
    /** Below this an interval holds too few replies to mean anything, and collecting it costs the coordinator a wakeup. */
    public static final Duration MIN_INTERVAL = Duration.ofMillis(10);

    public LoadConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(warmup, "warmup");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(stallTimeout, "stallTimeout");
        Objects.requireNonNull(io, "io");
        Objects.requireNonNull(sources, "sources");
        Objects.requireNonNull(interval, "interval");
        Cli.require(!host.isBlank(), "host must not be empty");
        Cli.require(port >= 1 && port <= 65_535, "port must be 1..65535, not " + port);
        Cli.require(connections > 0, "connections must be positive, not " + connections);
        Cli.require(threads > 0, "threads must be positive, not " + threads);
        Cli.require(payloadBytes > 0, "size must be positive, not " + payloadBytes);
        Cli.require(pipeline > 0, "pipeline must be positive, not " + pipeline);
        Cli.require(messages >= 0, "messages must not be negative, not " + messages);
        Cli.require(messages > 0 || duration.toMillis() > 0, "duration must be at least 1ms");
        Cli.require(!warmup.isNegative(), "warmup must not be negative");
        Cli.require(messagesPerSecond >= 0, "rate must not be negative");
        Cli.require(connectsPerSecond >= 0, "connect-rate must not be negative");
        Cli.require(connectTimeout.toMillis() > 0, "connect-timeout must be at least 1ms");
        Cli.require(stallTimeout.toMillis() > 0, "stall-timeout must be at least 1ms");
        Cli.require(tag == null || validTag(tag), "tag must be a non-empty word without commas or whitespace "
                + "(HdrHistogram's log format ends a tag at either), not '" + tag + "'");
        Cli.require(interval.compareTo(MIN_INTERVAL) >= 0, "interval must be at least "
                + Durations.format(MIN_INTERVAL) + ", not " + Durations.format(interval));
        sources = List.copyOf(sources);
        threads = Math.min(threads, connections);           // a thread without connections has nothing to do
    }

    /** A builder holding the defaults: one I/O thread per CPU this process may use and a random seed. */
    public static Builder builder() {
        return new Builder();
    }

    /** Non-empty, no comma, no whitespace: HdrHistogram's log writes {@code Tag=NAME,} at the start of each line. */
    private static boolean validTag(String tag) {
        return !tag.isEmpty() && tag.chars().noneMatch(c -> c == ',' || Character.isWhitespace(c));
    }

    /** True when paced by {@code --rate}: latency then counts from each message's scheduled send time. */
    public boolean openLoop() {
        return messagesPerSecond > 0;
    }

    /** True when the run ends after a number of messages rather than after {@link #duration}. */
    public boolean countedRun() {
        return messages > 0;
    }

    /** The interval between two scheduled messages of one connection in the open loop. */
    public long sendIntervalNanos() {
        return Math.max(1, Math.round(connections * 1e9 / messagesPerSecond));
    }

    /** {@code host:port}, with brackets around an IPv6 literal. */
    public String target() {
        return new HostPort(host, port).toString();
    }

    /** Names each setting where the record's nineteen positions would not; {@link #build} validates. */
    public static final class Builder {
        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private int connections = DEFAULT_CONNECTIONS;
        private int threads = Runtime.getRuntime().availableProcessors();
        private int payloadBytes = DEFAULT_PAYLOAD_BYTES;
        private int pipeline = DEFAULT_PIPELINE;
        private Duration duration = DEFAULT_DURATION;
        private long messages;
        /** Null until set: the default then depends on whether the run is counted. */
        private Duration warmup;
        private double messagesPerSecond;
        private double connectsPerSecond;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration stallTimeout = DEFAULT_STALL_TIMEOUT;
        private long seed = new SplittableRandom().nextLong();
        private IoEngine io = DEFAULT_IO;
        private String tag;
        private Instant startAt;
        private List<InetAddress> sources = List.of();
        /** Null until set: the default may be longer than a short run, an interval given may not. */
        private Duration interval;

        private Builder() {
        }

        public Builder host(String value) {
            host = value;
            return this;
        }

        public Builder port(int value) {
            port = value;
            return this;
        }

        public Builder connections(int value) {
            connections = value;
            return this;
        }

        public Builder threads(int value) {
            threads = value;
            return this;
        }

        public Builder payloadBytes(int value) {
            payloadBytes = value;
            return this;
        }

        public Builder pipeline(int value) {
            pipeline = value;
            return this;
        }

        public Builder duration(Duration value) {
            duration = value;
            return this;
        }

        /** Ends the measured part after exactly this many verified messages instead of after the duration. */
        public Builder messages(long value) {
            messages = value;
            return this;
        }

        /** Default: {@link #DEFAULT_WARMUP} for a timed run, none for a counted one. */
        public Builder warmup(Duration value) {
            warmup = value;
            return this;
        }

        /** Runs an open loop at this total rate; 0 (the default) runs a closed loop. */
        public Builder messagesPerSecond(double value) {
            messagesPerSecond = value;
            return this;
        }

        /** Opens connections at this pace; 0 (the default) opens them all at once. */
        public Builder connectsPerSecond(double value) {
            connectsPerSecond = value;
            return this;
        }

        public Builder connectTimeout(Duration value) {
            connectTimeout = value;
            return this;
        }

        public Builder stallTimeout(Duration value) {
            stallTimeout = value;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public Builder io(IoEngine value) {
            io = value;
            return this;
        }

        /** Names the run among several merged ones: in the JSON, on every HdrHistogram log line, in the summary. */
        public Builder tag(String value) {
            tag = value;
            return this;
        }

        /** Once connected, waits for this wall-clock instant before the warm-up; null (the default) starts at once. */
        public Builder startAt(Instant value) {
            startAt = value;
            return this;
        }

        /** Binds connection i to {@code value.get(i % size)} before connecting; empty (the default) lets the kernel choose. */
        public Builder sources(List<InetAddress> value) {
            sources = value;
            return this;
        }

        /**
         * The length of each throughput interval (and {@code --hdr-log} histogram), at most the duration of a timed
         * run; default {@link #DEFAULT_INTERVAL}, which a shorter run simply does not fill.
         */
        public Builder interval(Duration value) {
            interval = value;
            return this;
        }

        /** The config; throws {@link IllegalArgumentException} with a message fit for a user. */
        public LoadConfig build() {
            Duration warmupOrDefault = warmup != null ? warmup : messages > 0 ? Duration.ZERO : DEFAULT_WARMUP;
            if (interval != null && messages == 0 && interval.compareTo(duration) > 0) {
                throw new IllegalArgumentException("interval must not be longer than the duration ("
                        + Durations.format(duration) + "), not " + Durations.format(interval));
            }
            return new LoadConfig(host, port, connections, threads, payloadBytes, pipeline, duration, messages,
                    warmupOrDefault, messagesPerSecond, connectsPerSecond, connectTimeout, stallTimeout, seed, io,
                    tag, startAt, sources, interval != null ? interval : DEFAULT_INTERVAL);
        }
    }
}
