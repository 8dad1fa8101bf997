package shout.compare.capacity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import shout.compare.plan.SearchRules;
import shout.compare.result.Capacity;

/**
 * The capacity searches of every target at one connection count, stepped together in rounds: each round measures
 * every target still searching once, at its own next rate, in an order rotated by one each round, so that a slow
 * spell of the machine falls on each alike and comparisons hold within a round. While ramping, all targets still
 * meeting the target share the rate; a target that misses leaves the ramp and bisects, and leaves the search when its
 * bracket is narrow (see {@link SearchRules}). No timing and no I/O: the caller measures each {@link Probe} and hands
 * back its step. Used by one thread.
 */
public final class CapacitySearch {

    /**
     * One measurement to make.
     *
     * @param target                   the row name
     * @param offeredMessagesPerSecond the total rate to offer it
     */
    public record Probe(String target, double offeredMessagesPerSecond) {
    }

    private final Map<String, TargetSearch> searches = new LinkedHashMap<>();
    private int round;

    /** Searches for each of {@code targets} (row names, in row order) at {@code connections}, by {@code rules}. */
    public CapacitySearch(List<String> targets, int connections, SearchRules rules) {
        targets.forEach(target -> searches.put(target, new TargetSearch(target, connections, rules)));
    }

    /** The next round: every target still searching once, rotated by one more each round; empty when all have ended. */
    public List<Probe> nextRound() {
        List<TargetSearch> active = searches.values().stream().filter(TargetSearch::searching).toList();
        if (active.isEmpty()) {
            return List.of();
        }
        int shift = round++ % active.size();
        List<Probe> probes = new ArrayList<>();
        for (int i = 0; i < active.size(); i++) {
            TargetSearch search = active.get((i + shift) % active.size());
            probes.add(new Probe(search.target(), search.nextRate()));
        }
        return probes;
    }

    /** Takes what {@code target}'s probe measured. */
    public void record(String target, Capacity.Step step) {
        searches.get(target).record(step);
    }

    /** Ends {@code target}'s search: its probe could not be measured, for {@code reason}. */
    public void fail(String target, String reason) {
        searches.get(target).fail(reason);
    }

    /** What each target's search found so far, in row order. */
    public List<Capacity> results() {
        return searches.values().stream().map(TargetSearch::result).toList();
    }
}
