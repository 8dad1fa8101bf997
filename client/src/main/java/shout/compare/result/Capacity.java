package shout.compare.result;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;

/**
 * What {@code compare --slo} found for one target at one connection count.
 *
 * @param target            the row name
 * @param connections       connections of every step
 * @param messagesPerSecond the highest offered rate that met the target, in msgs/s; null when none did
 * @param latencyMicros     the target's percentile at that rate, in µs; null with it
 * @param verdict           how to read {@code messagesPerSecond}
 * @param failure           why the search stopped early ({@link Verdict#FAILED}), else null
 * @param steps             every measured step of this target, in run order
 */
public record Capacity(String target, int connections, Double messagesPerSecond, Double latencyMicros, Verdict verdict,
                       String failure, List<Step> steps) {

    public Capacity {
        steps = List.copyOf(steps);
    }

    /** How a search ended. */
    public enum Verdict {
        /** The capacity, to within the search's precision. */
        FOUND,
        /** The load client was busy at the last step met or the first missed: the capacity is at least this. */
        CLIENT_BOUND,
        /** Every ramp step met the target: the capacity is at least the last one. */
        SEARCH_LIMIT,
        /** Every ramp step missed: the capacity is below the last one (or none met at all). */
        BELOW_START,
        /** A step failed (the server died, no connection): the search stopped there. */
        FAILED,
        /** The run was stopped before this search ended. */
        UNFINISHED
    }

    /**
     * One measured step.
     *
     * @param offeredMessagesPerSecond the rate offered
     * @param messagesPerSecond        the rate achieved
     * @param p50Micros                the median latency
     * @param percentileMicros         the target's percentile
     * @param met                      achieved at least {@link CellResult#SUSTAINED_SHARE} of the offered rate and the
     *                                 percentile within the target
     * @param clientBound              the load client limited the step: it was busy {@code shout.load.ClientLimit.BOUND_PERCENT}
     *                                 or more of its cores, or its own late sends alone made a sustained step miss
     */
    public record Step(double offeredMessagesPerSecond, double messagesPerSecond, double p50Micros, double percentileMicros,
                       boolean met, boolean clientBound) {
    }

    /** Steps taken, the failed one included. */
    @JsonProperty("stepsTaken")
    public int stepsTaken() {
        return steps.size() + (failure == null ? 0 : 1);
    }

    /** True when the figure is a lower bound because the load client, not the server, ran out. */
    @JsonProperty("clientBound")
    public boolean clientBound() {
        return verdict == Verdict.CLIENT_BOUND;
    }

    /**
     * The capacity as a reader takes it: {@code 48,200}, {@code at least 40,000}, {@code below 5,000},
     * {@code failed: reason}; {@code none} when no step met the target.
     */
    public String describe() {
        String rate = messagesPerSecond == null ? null : String.format(Locale.ROOT, "%,.0f", messagesPerSecond);
        double lowest = steps.stream().mapToDouble(Step::offeredMessagesPerSecond).min().orElse(0);
        return switch (verdict) {
            case FOUND -> rate;
            case CLIENT_BOUND, SEARCH_LIMIT -> "at least " + rate;
            case BELOW_START -> String.format(Locale.ROOT, "below %,.0f", lowest);
            case FAILED -> "failed: " + failure + (rate == null ? "" : " (met " + rate + ")");
            case UNFINISHED -> "unfinished" + (rate == null ? "" : " (met " + rate + ")");
        };
    }
}
