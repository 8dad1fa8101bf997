package shout.load;

import java.time.Duration;
import java.util.Objects;

/**
 * One load run, as the command line asked for it. The compact constructor rejects impossible values
 * with a message fit for a user.
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
 */
public record LoadConfig(String host, int port, int connections, int threads, int payloadBytes, int pipeline,
                         Duration duration, long messages, Duration warmup, double messagesPerSecond,
                         double connectsPerSecond, Duration connectTimeout, Duration stallTimeout, long seed,
                         IoEngine io) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8081;
    public static final int DEFAULT_CONNECTIONS = 100;
    public static final int DEFAULT_PAYLOAD_BYTES = 64;
    public static final int DEFAULT_PIPELINE = 1;
    public static final Duration DEFAULT_DURATION = Duration.ofSeconds(10);
    public static final Duration DEFAULT_WARMUP = Duration.ofSeconds(2);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    public LoadConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(warmup, "warmup");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(stallTimeout, "stallTimeout");
        Objects.requireNonNull(io, "io");
        require(port >= 1 && port <= 65_535, "port must be 1..65535, not " + port);
        require(connections > 0, "connections must be positive, not " + connections);
        require(threads > 0, "threads must be positive, not " + threads);
        require(payloadBytes > 0, "size must be positive, not " + payloadBytes);
        require(pipeline > 0, "pipeline must be positive, not " + pipeline);
        require(messages >= 0, "messages must not be negative, not " + messages);
        require(messages > 0 || duration.toMillis() > 0, "duration must be at least 1ms");
        require(!warmup.isNegative(), "warmup must not be negative");
        require(messagesPerSecond >= 0, "rate must not be negative");
        require(connectsPerSecond >= 0, "connect-rate must not be negative");
        require(connectTimeout.toMillis() > 0, "connect-timeout must be at least 1ms");
        require(stallTimeout.toMillis() > 0, "stall-timeout must be at least 1ms");
        threads = Math.min(threads, connections);           // a thread without connections has nothing to do
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
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
