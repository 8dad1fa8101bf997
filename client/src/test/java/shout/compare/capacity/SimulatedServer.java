package shout.compare.capacity;

import shout.compare.plan.LatencyTarget;
import shout.compare.result.Capacity;
import shout.compare.result.CellResult;

/**
 * A server as a latency model, no timing: it completes at most {@code capacity} msgs/s, and its latency grows without
 * bound as the offered rate nears that ({@code base / (1 - rate / capacity)}), as a queue's does. The load client
 * offers at most {@code clientLimit} msgs/s and is busy from there on.
 */
record SimulatedServer(double capacity, double baseMicros, double clientLimit) {

    /** A server whose client is never the limit. */
    SimulatedServer(double capacity, double baseMicros) {
        this(capacity, baseMicros, Double.POSITIVE_INFINITY);
    }

    /** The highest rate at which this model meets {@code target}: where the latency reaches it, or where the client stops. */
    double capacityAt(LatencyTarget target) {
        return Math.min(capacity * (1 - baseMicros / target.limitMicros()), clientLimit / CellResult.SUSTAINED_SHARE);
    }

    /** What a step at {@code offered} msgs/s would measure. */
    Capacity.Step step(double offered, LatencyTarget target) {
        double achieved = Math.min(offered, Math.min(capacity, clientLimit));
        double percentileMicros = baseMicros / (1 - Math.min(offered / capacity, 0.999_999));
        boolean met = achieved >= CellResult.SUSTAINED_SHARE * offered && percentileMicros <= target.limitMicros();
        return new Capacity.Step(offered, achieved, percentileMicros / 4, percentileMicros, met, offered >= clientLimit);
    }
}
