package shout.load;

import java.time.Duration;
import java.util.Objects;
import shout.cli.Cli;

/**
 * How long a load run waits before it calls a connection or the whole run stuck.
 *
 * @param connect a connection not established within this long counts as a timeout
 * @param stall   a counted run with no reply for this long ends with an error
 */
public record Timeouts(Duration connect, Duration stall) {

    public Timeouts {
        Objects.requireNonNull(connect, "connect");
        Objects.requireNonNull(stall, "stall");
        Cli.require(connect.toMillis() > 0, "connect-timeout must be at least 1ms");
        Cli.require(stall.toMillis() > 0, "stall-timeout must be at least 1ms");
    }
}
