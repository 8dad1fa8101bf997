package shout.compare;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * What {@code compare --quick} runs, a first look in under a minute (the run announces its own estimate, from
 * {@code ComparePlan}). The times are millisecond constants so that the option's help text is built from the
 * values the run uses.
 */
final class QuickPreset {

    static final String CONNECTIONS = "1,100,1000";
    static final int WARMUP_MILLIS = 500;
    static final int DURATION_MILLIS = 1000;
    /**
     * Enough for the quick run to stay within its minute on a slow hour: the 100 and 1,000 connection cells, the
     * ones worth quoting, come after every server has had 2.5 s of load either way
     * (docs/findings.md#one-second-of-jit-warm-up-and-cells-of-one-second).
     */
    static final int JIT_WARMUP_MILLIS = 1000;
    static final Duration WARMUP = Duration.ofMillis(WARMUP_MILLIS);
    static final Duration DURATION = Duration.ofMillis(DURATION_MILLIS);
    static final Duration JIT_WARMUP = Duration.ofMillis(JIT_WARMUP_MILLIS);

    private QuickPreset() {
    }

    /** {@link #CONNECTIONS} as numbers. */
    static List<Integer> connectionCounts() {
        return Arrays.stream(CONNECTIONS.split(",")).map(Integer::valueOf).toList();
    }
}
