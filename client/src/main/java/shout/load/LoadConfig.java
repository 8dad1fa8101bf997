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
 * One load run, as the command line asked for it, in the parts a reader thinks in; each part validates itself.
 * Build one with {@link #builder()}, which starts from the defaults below and names every setting; the compact
 * constructors reject impossible values with a message fit for a user.
 *
 * @param target      the server: a host name or address, and a port of 1..65535
 * @param connections how many, over how many I/O threads, from which local addresses
 * @param shape       bytes per message, messages in flight per connection, and the share marked
 * @param expect      what every reply byte is checked against: the sent byte upper-cased, or the sent byte itself
 * @param schedule    start time, warm-up, measured part (timed or counted) and report intervals
 * @param pacing      send and connect rates; 0 for as fast as it can
 * @param timeouts    when a connect or the whole run counts as stuck
 * @param io          the I/O engine: the JDK's selector, or epoll called directly
 * @param seed        seeds the payload, so a run can be replayed
 * @param tag         names this run among several merged runs; null when not given
 */
public record LoadConfig(HostPort target, Connections connections, MessageShape shape, Expectation expect, Schedule schedule, Pacing pacing,
                         Timeouts timeouts, IoEngine io, long seed, String tag) {

    public static final String DEFAULT_HOST = HostPort.DEFAULT_HOST;
    public static final int DEFAULT_PORT = HostPort.DEFAULT_PORT;
    public static final int DEFAULT_CONNECTIONS = 100;
    /** Idle connections held beside the active ones ({@code --idle}): none. */
    public static final int DEFAULT_IDLE_CONNECTIONS = 0;
    public static final int DEFAULT_PAYLOAD_BYTES = 64;
    public static final int DEFAULT_PIPELINE = 1;
    public static final Duration DEFAULT_DURATION = Duration.ofSeconds(10);
    /** The warm-up of a timed run; a counted run ({@code messages}) has none unless asked. */
    /** The warm-up as the command line spells it, for compare too; {@link #DEFAULT_WARMUP} is parsed from it. */
    public static final String DEFAULT_WARMUP_TEXT = "2s";
    public static final Duration DEFAULT_WARMUP = Durations.parse(DEFAULT_WARMUP_TEXT);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofSeconds(10);
    public static final IoEngine DEFAULT_IO = IoEngine.AUTO;
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);

    public LoadConfig {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(connections, "connections");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(expect, "expect");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(pacing, "pacing");
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(io, "io");
        target = target(target.host(), target.port());
        Cli.require(tag == null || validTag(tag), "tag must be a non-empty word without commas or whitespace "
                + "(HdrHistogram's log format ends a tag at either), not '" + tag + "'");
    }

    /** A builder holding the defaults: one I/O thread per CPU this process may use and a random seed. */
    public static Builder builder() {
        return new Builder();
    }

    /** The server to drive: port 0, a server's "any free port", names no server here. */
    private static HostPort target(String host, int port) {
        Cli.require(!host.isBlank(), "host must not be empty");
        Cli.require(port >= 1 && port <= 65_535, "port must be 1..65535, not " + port);
        return new HostPort(host, port);
    }

    /** Non-empty, no comma, no whitespace: HdrHistogram's log writes {@code Tag=NAME,} at the start of each line. */
    private static boolean validTag(String tag) {
        return !tag.isEmpty() && tag.chars().noneMatch(c -> c == ',' || Character.isWhitespace(c));
    }

    /** Names each setting, so that two of one type cannot be swapped; {@link #build} validates. */
    public static final class Builder {
        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private int connections = DEFAULT_CONNECTIONS;
        private int threads = Runtime.getRuntime().availableProcessors();
        private int payloadBytes = DEFAULT_PAYLOAD_BYTES;
        private int pipeline = DEFAULT_PIPELINE;
        private MarkShare mark = MarkShare.NONE;
        private Expectation expect = Expectation.DEFAULT;
        private Duration duration = DEFAULT_DURATION;
        private long messages;
        /** Null until set: the default then depends on whether the run is counted. */
        private Duration warmup;
        private double messagesPerSecond;
        private double connectsPerSecond;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration stallTimeout = DEFAULT_STALL_TIMEOUT;
        private Duration replyTimeout = Timeouts.NO_REPLY_TIMEOUT;
        private long seed = new SplittableRandom().nextLong();
        private IoEngine io = DEFAULT_IO;
        private String tag;
        private Instant startAt;
        private List<InetAddress> sources = List.of();
        private int idle = DEFAULT_IDLE_CONNECTIONS;
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

        /** Which messages start with the marker byte; default {@link MarkShare#NONE}. Needs pipeline 1. */
        public Builder mark(MarkShare value) {
            mark = value;
            return this;
        }

        /** Size, pipeline and mark at once. */
        public Builder shape(MessageShape value) {
            payloadBytes = value.sizeBytes();
            pipeline = value.pipeline();
            mark = value.mark();
            return this;
        }

        /** What every reply is checked against; default {@link Expectation#DEFAULT}. */
        public Builder expect(Expectation value) {
            expect = value;
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

        /** Late replies end their connection after this long; {@link Timeouts#NO_REPLY_TIMEOUT} (the default) never. */
        public Builder replyTimeout(Duration value) {
            replyTimeout = value;
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

        /** Holds this many more connections open for the run, never sending on them; 0 (the default) for none. */
        public Builder idle(int value) {
            idle = value;
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
            Objects.requireNonNull(host, "host");
            return new LoadConfig(target(host, port), new Connections(connections, threads, sources, idle),
                    new MessageShape(payloadBytes, pipeline, mark), expect,
                    new Schedule(startAt, warmupOrDefault, duration, messages, interval != null ? interval : DEFAULT_INTERVAL),
                    new Pacing(messagesPerSecond, connectsPerSecond), new Timeouts(connectTimeout, stallTimeout, replyTimeout), io, seed, tag);
        }
    }
}
