package shout.load;

import java.time.Duration;
import java.util.Objects;
import shout.cli.Cli;

/**
 * How long a load run waits before it calls a connection or the whole run stuck.
 *
 * @param connect a connection not established within this long counts as a timeout
 * @param stall   a counted run with no reply for this long ends with an error
 * @param reply   a connection whose oldest owed reply is this late is closed and counted as
 *                {@link ErrorKind#REPLY_TIMEOUT}; {@link #NO_REPLY_TIMEOUT} waits for ever, as TCP does
 */
public record Timeouts(Duration connect, Duration stall, Duration reply) {

    /** The reply timeout that never fires: a connection waits for its replies as long as TCP keeps it. */
    public static final Duration NO_REPLY_TIMEOUT = Duration.ZERO;

    public Timeouts {
        Objects.requireNonNull(connect, "connect");
        Objects.requireNonNull(stall, "stall");
        Objects.requireNonNull(reply, "reply");
        Cli.require(connect.toMillis() > 0, "connect-timeout must be at least 1ms");
        Cli.require(stall.toMillis() > 0, "stall-timeout must be at least 1ms");
        Cli.require(reply.isZero() || reply.toMillis() > 0, "timeout must be 0 (none) or at least 1ms");
    }
}
