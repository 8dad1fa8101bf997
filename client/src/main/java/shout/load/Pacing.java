package shout.load;

import shout.cli.Cli;

/**
 * How fast a load run opens connections and sends messages; 0 for either means as fast as it can.
 *
 * @param messagesPerSecond total send rate of the open loop; 0 runs a closed loop
 * @param connectsPerSecond pace of opening connections; 0 opens them all at once
 */
public record Pacing(double messagesPerSecond, double connectsPerSecond) {

    public Pacing {
        Cli.require(messagesPerSecond >= 0, "rate must not be negative");
        Cli.require(connectsPerSecond >= 0, "connect-rate must not be negative");
    }

    /** True when paced by {@code --rate}: latency then counts from each message's scheduled send time. */
    public boolean openLoop() {
        return messagesPerSecond > 0;
    }

    /** The interval between two scheduled messages of one of {@code connections} in the open loop. */
    public long sendIntervalNanos(int connections) {
        return Math.max(1, Math.round(connections * 1e9 / messagesPerSecond));
    }
}
