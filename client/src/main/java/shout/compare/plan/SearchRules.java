package shout.compare.plan;

import java.time.Duration;
import java.util.Locale;
import shout.cli.Counts;
import shout.cli.Durations;

/**
 * How {@code compare --slo} searches for a capacity: from {@code startRate} it doubles the offered rate while the
 * target is met (halves it while it is missed), at most {@link #MAX_RAMP_STEPS} times, then bisects between the
 * last rate met and the first missed, at their geometric mean, until the two lie within {@link #PRECISION} of each
 * other. So every target takes at most {@link #maxSteps()} steps at each connection count, which bounds the run.
 *
 * @param startRate the first offered rate, in msgs/s
 */
public record SearchRules(double startRate) {

    /** The first offered rate unless {@code --slo-start} says otherwise. */
    public static final String DEFAULT_START_TEXT = "5k";
    public static final double DEFAULT_START = Counts.parseFraction(DEFAULT_START_TEXT);
    /** Each ramp step multiplies (or divides) the rate by this. */
    public static final double FACTOR = 2;
    /** Doublings: from 5k, up to 320k msgs/s, beyond what one load client core offers over loopback. */
    public static final int MAX_RAMP_STEPS = 7;
    /** The search ends when the first rate missed is at most this much above the last one met. */
    public static final double PRECISION = 0.05;
    /** Each step's warm-up and measured time unless {@code --warmup} and {@code --duration} say otherwise, as a scenario's. */
    public static final String STEP_WARMUP_TEXT = "1s";
    public static final String STEP_DURATION_TEXT = "3s";
    public static final Duration STEP_WARMUP = Durations.parse(STEP_WARMUP_TEXT);
    public static final Duration STEP_DURATION = Durations.parse(STEP_DURATION_TEXT);

    public SearchRules {
        ComparePlan.requireRate(startRate);
    }

    /**
     * Bisection steps from one ramp step's bracket to {@link #PRECISION}: each geometric mean halves the bracket's
     * logarithm, so {@code ceil(log2(ln FACTOR / ln(1 + PRECISION)))}, 4.
     */
    public static int bisectSteps() {
        return (int) Math.ceil(Math.log(Math.log(FACTOR) / Math.log(1 + PRECISION)) / Math.log(2));
    }

    /** The most steps one target takes at one connection count. */
    public static int maxSteps() {
        return MAX_RAMP_STEPS + bisectSteps();
    }

    /** {@code from 5,000 msgs/s, x2 up (or down) at most 7 times, then bisected to within 5%}. */
    public String description() {
        return String.format(Locale.ROOT, "from %,.0f msgs/s, x%.0f up (or down) at most %d times, then bisected to within %.0f%%",
                startRate, FACTOR, MAX_RAMP_STEPS, 100 * PRECISION);
    }
}
