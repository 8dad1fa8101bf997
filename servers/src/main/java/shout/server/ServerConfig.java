package shout.server;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import shout.cli.Durations;
import shout.cli.HostPort;

/**
 * Everything a server mode needs to start; the same record for every mode. The defaults are those of
 * PROTOCOL.md at the repository root. The compact constructor rejects impossible values with a message
 * fit for a user. Build one with {@link #builder()}, whose setters are named, so two settings of one
 * type cannot be swapped.
 *
 * @param listen         where and how the server listens
 * @param threads        event loops (nio, netty) or pool threads (pool); ignored where threads follow connections
 * @param maxConnections connections open at once; one more is closed at once without data
 * @param idleTimeout    a connection with no byte either way for this long is closed
 * @param grace          how long a stopping server keeps delivering owed bytes
 * @param bufferBytes    the per-connection buffer: the most unsent data a connection may hold
 * @param work           server-side work per received chunk
 * @param offload        event-loop modes run {@code cpu} work on a worker pool instead of the loop
 * @param transport      Netty's transport; the other modes ignore it
 */
public record ServerConfig(Listen listen, int threads, int maxConnections, Duration idleTimeout, Duration grace,
                           int bufferBytes, Work work, boolean offload, Transport transport) {

    public static final String DEFAULT_HOST = HostPort.DEFAULT_HOST;
    public static final int DEFAULT_PORT = HostPort.DEFAULT_PORT;
    public static final int DEFAULT_BACKLOG = 4096;
    public static final int DEFAULT_MAX_CONNECTIONS = 10_000;
    /** The idle timeout as the command line spells it; {@link #DEFAULT_IDLE_TIMEOUT} is parsed from it. */
    public static final String DEFAULT_IDLE_TIMEOUT_TEXT = "300s";
    public static final Duration DEFAULT_IDLE_TIMEOUT = Durations.parse(DEFAULT_IDLE_TIMEOUT_TEXT);
    /** The grace period as the command line spells it; {@link #DEFAULT_GRACE} is parsed from it. */
    public static final String DEFAULT_GRACE_TEXT = "5s";
    public static final Duration DEFAULT_GRACE = Durations.parse(DEFAULT_GRACE_TEXT);
    public static final int DEFAULT_BUFFER_BYTES = 16 * 1024;
    /** The work as the command line spells it; {@link #DEFAULT_WORK} is parsed from it. */
    public static final String DEFAULT_WORK_TEXT = "none";
    public static final Work DEFAULT_WORK = Work.parse(DEFAULT_WORK_TEXT);
    /** The transport as the command line spells it; {@link #DEFAULT_TRANSPORT} is read from it. */
    public static final String DEFAULT_TRANSPORT_TEXT = "auto";
    public static final Transport DEFAULT_TRANSPORT = Transport.valueOf(DEFAULT_TRANSPORT_TEXT.toUpperCase(Locale.ROOT));

    public ServerConfig {
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(grace, "grace");
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(transport, "transport");
        Require.that(threads > 0, "threads must be positive, not " + threads);
        Require.that(maxConnections > 0, "max-connections must be positive, not " + maxConnections);
        Require.that(idleTimeout.toMillis() > 0, "idle-timeout must be at least 1ms");
        Require.that(!grace.isNegative(), "grace must not be negative");
        Require.that(bufferBytes >= 64, "buffer must be at least 64 bytes, not " + bufferBytes);
    }

    /**
     * Where and how a server listens.
     *
     * @param host      the address to bind, {@code 127.0.0.1} unless asked otherwise
     * @param port      the port to bind, 0 for a free one
     * @param backlog   the listen backlog: large, so a burst of connects is not refused or retried
     * @param reusePort bind with SO_REUSEPORT, so several server processes can share the port
     */
    public record Listen(String host, int port, int backlog, boolean reusePort) {

        public Listen {
            Objects.requireNonNull(host, "host");
            Require.that(port >= 0 && port <= 65_535, "port must be 0..65535, not " + port);
            Require.that(backlog > 0, "backlog must be positive, not " + backlog);
        }
    }

    /** A builder holding the defaults: 127.0.0.1:8081, threads sized from the CPUs this process may use. */
    public static Builder builder() {
        return new Builder();
    }

    /** The defaults: 127.0.0.1:8081, threads sized from the CPUs this process may use. */
    public static ServerConfig defaults() {
        return builder().build();
    }

    /** The defaults on a free loopback port: what tests start. */
    public static ServerConfig ephemeral() {
        return builder().port(0).build();
    }

    /** A builder holding this config's values, to change some of them. */
    public Builder toBuilder() {
        return new Builder().host(listen.host()).port(listen.port()).backlog(listen.backlog()).reusePort(listen.reusePort())
                .threads(threads).maxConnections(maxConnections).idleTimeout(idleTimeout).grace(grace).bufferBytes(bufferBytes)
                .work(work).offload(offload).transport(transport);
    }

    /** The CPUs this process may run on (it honours {@code taskset} and container limits). */
    public static int availableCpus() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Collects settings by name, starting from the defaults; {@link #build()} validates them all at
     * once. Not thread-safe: build on one thread, then share the immutable record.
     */
    public static final class Builder {
        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private int backlog = DEFAULT_BACKLOG;
        private int threads = availableCpus();
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private Duration grace = DEFAULT_GRACE;
        private int bufferBytes = DEFAULT_BUFFER_BYTES;
        private Work work = DEFAULT_WORK;
        private boolean offload;
        private Transport transport = DEFAULT_TRANSPORT;
        private boolean reusePort;

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

        public Builder backlog(int value) {
            backlog = value;
            return this;
        }

        public Builder threads(int value) {
            threads = value;
            return this;
        }

        public Builder maxConnections(int value) {
            maxConnections = value;
            return this;
        }

        public Builder idleTimeout(Duration value) {
            idleTimeout = value;
            return this;
        }

        public Builder grace(Duration value) {
            grace = value;
            return this;
        }

        public Builder bufferBytes(int value) {
            bufferBytes = value;
            return this;
        }

        public Builder work(Work value) {
            work = value;
            return this;
        }

        public Builder offload(boolean value) {
            offload = value;
            return this;
        }

        public Builder transport(Transport value) {
            transport = value;
            return this;
        }

        public Builder reusePort(boolean value) {
            reusePort = value;
            return this;
        }

        /** The config; throws {@link IllegalArgumentException} with a message fit for a user if a value is impossible. */
        public ServerConfig build() {
            return new ServerConfig(new Listen(host, port, backlog, reusePort), threads, maxConnections, idleTimeout, grace,
                    bufferBytes, work, offload, transport);
        }
    }
}
