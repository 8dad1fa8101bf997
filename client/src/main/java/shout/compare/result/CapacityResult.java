package shout.compare.result;

import java.util.List;
import shout.compare.plan.LatencyTarget;
import shout.compare.plan.SearchRules;

/**
 * What a {@code compare --slo} run found: the target, how the search went, and a capacity per target and connection
 * count.
 *
 * @param slo              the target as given: {@code p99=20ms}
 * @param percentile       its percentile: 99
 * @param limitMicros      its latency, in µs
 * @param search           how the search stepped: {@link SearchRules#description()}
 * @param capacities       one per target and connection count, connection counts in order, targets in row order
 */
public record CapacityResult(String slo, double percentile, double limitMicros, String search, List<Capacity> capacities) {

    public CapacityResult {
        capacities = List.copyOf(capacities);
    }

    /** The result of searches for {@code target} with {@code rules}. */
    public static CapacityResult of(LatencyTarget target, SearchRules rules, List<Capacity> capacities) {
        return new CapacityResult(target.toString(), target.percentile(), target.limitMicros(), rules.description(), capacities);
    }

    /** {@code p99}: the percentile as a column is headed. */
    public String percentileName() {
        return slo.substring(0, slo.indexOf('='));
    }

    /** {@code 20ms}: the latency as it was given. */
    public String limitText() {
        return slo.substring(slo.indexOf('=') + 1);
    }
}
