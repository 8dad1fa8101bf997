package shout.compare.plan;

import java.time.Duration;
import java.util.Collections;
import java.util.Objects;

/**
 * What {@code compare --slo} will run: for each connection count of {@code grid}, a search per target for the highest
 * offered rate that meets {@code target} (see {@link SearchRules}), every target stepped together. Each step is an
 * open-loop cell of the grid's settings, so a search costs at most {@link SearchRules#maxSteps()} cells per target and
 * count, and that worst case is what the run announces.
 *
 * @param grid   targets, connection counts and cell settings; its offered rates are empty, the search picks them
 * @param target the latency the search holds every target to
 * @param rules  where the search starts
 */
public record CapacityPlan(ComparePlan grid, LatencyTarget target, SearchRules rules) {

    public CapacityPlan {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(rules, "rules");
        if (!grid.offeredRates().isEmpty()) {
            throw new IllegalArgumentException("a capacity search picks its own rates");
        }
    }

    /** Cells in the worst case: every target takes every step at every count. */
    public int maxCells() {
        return grid.targets().size() * grid.connections().size() * SearchRules.maxSteps();
    }

    /** The worst case's wall time: the grid's estimate with as many offered rates as a search takes steps. */
    Duration estimatedDuration() {
        return new ComparePlan(grid.targets(), grid.connections(), Collections.nCopies(SearchRules.maxSteps(), rules.startRate()),
                grid.settings()).estimatedDuration();
    }

    /** One line said before anything runs: what is searched, how, and how long it takes at most. */
    public String announcement() {
        return "compare --slo " + target + ": " + grid.targets().size() + " servers x " + grid.connections().size()
                + " connection counts, each searched " + rules.description() + ": at most " + SearchRules.maxSteps()
                + " steps each = at most " + maxCells() + " cells" + grid.shape() + " = at most about "
                + ComparePlan.minutesAndSeconds(estimatedDuration().toSeconds()) + " (less when the targets are missed sooner)";
    }
}
