package shout.server.support;

import java.util.concurrent.TimeUnit;
import shout.server.ServerConfig;
import shout.server.ServerStats;

/**
 * The idle timeout as each kind of mode applies it: a read timeout on a blocking socket, a periodic
 * sweep in a selector loop, a timer in Netty. The same deadline in every form, and when it closes a
 * connection, one count in the server's stats and one log line. Immutable.
 *
 * @param nanos how long a connection may pass no byte either way
 */
public record IdleTimeout(long nanos) {

    private static final System.Logger LOGGER = System.getLogger(IdleTimeout.class.getName());
    private static final long MIN_SWEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long MAX_SWEEP_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** The config's idle timeout. */
    public static IdleTimeout of(ServerConfig config) {
        return new IdleTimeout(config.idleTimeout().toNanos());
    }

    /** For {@link java.net.Socket#setSoTimeout}: at least 1 ms, because 0 would mean never. */
    public int readTimeoutMillis() {
        return Math.toIntExact(Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos)));
    }

    /**
     * How often a selector loop looks for idle connections: a quarter of the timeout, within 10 ms to
     * 1 s, so a connection is closed at most a quarter (or a second) late and a short timeout does not spin.
     */
    public long sweepIntervalNanos() {
        return Math.clamp(nanos / 4, MIN_SWEEP_NANOS, MAX_SWEEP_NANOS);
    }

    /** Whether a connection last active at {@code lastActivityNanos} has been idle too long at {@code nowNanos}. */
    public boolean expired(long lastActivityNanos, long nowNanos) {
        return nowNanos - lastActivityNanos > nanos;
    }

    /** Counts in {@code stats}, and logs at DEBUG, that {@code connection} is being closed for idleness. Call once per connection. */
    public static void closing(ServerStats stats, Object connection) {
        stats.closedIdle();
        LOGGER.log(System.Logger.Level.DEBUG, "closing idle connection {0}", connection);
    }
}
