package shout.server;

import java.time.Duration;
import java.util.Objects;

/**
 * Everything a server mode needs to start; the same record for every mode. The defaults are those of
 * PROTOCOL.md. The compact constructor rejects impossible values with a message fit for a user.
 *
 * @param host           the address to bind, {@code 127.0.0.1} unless asked otherwise
 * @param port           the port to bind, 0 for a free one
 * @param backlog        the listen backlog: large, so a burst of connects is not refused or retried
 * @param threads        event loops (nio, netty) or pool threads (pool); ignored where threads follow connections
 * @param maxConnections connections open at once; one more is closed at once without data
 * @param idleTimeout    a connection with no byte either way for this long is closed
 * @param grace          how long a stopping server keeps delivering owed bytes
 * @param bufferBytes    the per-connection buffer: the most unsent data a connection may hold
 * @param work           server-side work per received chunk
 * @param offload        event-loop modes run {@code cpu} work on a worker pool instead of the loop
 * @param transport      Netty's transport; the other modes ignore it
 * @param reusePort      bind with SO_REUSEPORT, so several server processes can share the port
 */
public record ServerConfig(String host, int port, int backlog, int threads, int maxConnections,
                           Duration idleTimeout, Duration grace, int bufferBytes, Work work, boolean offload,
                           Transport transport, boolean reusePort) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8081;
    public static final int DEFAULT_BACKLOG = 4096;
    public static final int DEFAULT_MAX_CONNECTIONS = 10_000;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(300);
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(5);
    public static final int DEFAULT_BUFFER_BYTES = 16 * 1024;

    public ServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(grace, "grace");
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(transport, "transport");
        require(port >= 0 && port <= 65_535, "port must be 0..65535, not " + port);
        require(backlog > 0, "backlog must be positive, not " + backlog);
        require(threads > 0, "threads must be positive, not " + threads);
        require(maxConnections > 0, "max-connections must be positive, not " + maxConnections);
        require(idleTimeout.toMillis() > 0, "idle-timeout must be at least 1ms");
        require(!grace.isNegative(), "grace must not be negative");
        require(bufferBytes >= 64, "buffer must be at least 64 bytes, not " + bufferBytes);
    }

    /** The defaults: 127.0.0.1:8081, threads sized from the CPUs this process may use. */
    public static ServerConfig defaults() {
        return new ServerConfig(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_BACKLOG, availableCpus(), DEFAULT_MAX_CONNECTIONS,
                DEFAULT_IDLE_TIMEOUT, DEFAULT_GRACE, DEFAULT_BUFFER_BYTES, Work.NONE, false, Transport.AUTO, false);
    }

    /** The defaults on a free loopback port: what tests start. */
    public static ServerConfig ephemeral() {
        return defaults().withPort(0);
    }

    /** The CPUs this process may run on (it honours {@code taskset} and container limits). */
    public static int availableCpus() {
        return Runtime.getRuntime().availableProcessors();
    }

    public ServerConfig withHost(String value) {
        return new ServerConfig(value, port, backlog, threads, maxConnections, idleTimeout, grace, bufferBytes, work, offload, transport, reusePort);
    }

    public ServerConfig withPort(int value) {
        return new ServerConfig(host, value, backlog, threads, maxConnections, idleTimeout, grace, bufferBytes, work, offload, transport, reusePort);
    }

    public ServerConfig withThreads(int value) {
        return new ServerConfig(host, port, backlog, value, maxConnections, idleTimeout, grace, bufferBytes, work, offload, transport, reusePort);
    }

    public ServerConfig withMaxConnections(int value) {
        return new ServerConfig(host, port, backlog, threads, value, idleTimeout, grace, bufferBytes, work, offload, transport, reusePort);
    }

    public ServerConfig withIdleTimeout(Duration value) {
        return new ServerConfig(host, port, backlog, threads, maxConnections, value, grace, bufferBytes, work, offload, transport, reusePort);
    }

    public ServerConfig withGrace(Duration value) {
        return new ServerConfig(host, port, backlog, threads, maxConnections, idleTimeout, value, bufferBytes, work, offload, transport, reusePort);
    }

    public ServerConfig withWork(Work value) {
        return new ServerConfig(host, port, backlog, threads, maxConnections, idleTimeout, grace, bufferBytes, value, offload, transport, reusePort);
    }

    public ServerConfig withOffload(boolean value) {
        return new ServerConfig(host, port, backlog, threads, maxConnections, idleTimeout, grace, bufferBytes, work, value, transport, reusePort);
    }

    public ServerConfig withTransport(Transport value) {
        return new ServerConfig(host, port, backlog, threads, maxConnections, idleTimeout, grace, bufferBytes, work, offload, value, reusePort);
    }

    public ServerConfig withReusePort(boolean value) {
        return new ServerConfig(host, port, backlog, threads, maxConnections, idleTimeout, grace, bufferBytes, work, offload, transport, value);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
