package shout.compare.capacity;

import java.util.ArrayList;
import java.util.List;
import shout.compare.plan.SearchRules;
import shout.compare.result.Capacity;

/**
 * One target's search at one connection count: the bracket between the highest rate met and the lowest missed, the
 * next rate to try, and when to stop (see {@link SearchRules}). Used by one thread.
 */
final class TargetSearch {

    private final String target;
    private final int connections;
    private final SearchRules rules;
    private final List<Capacity.Step> steps = new ArrayList<>();
    private Capacity.Step highestMet;
    private Capacity.Step lowestMissed;
    private int rampSteps;
    private String failure;
    private Capacity.Verdict verdict;

    TargetSearch(String target, int connections, SearchRules rules) {
        this.target = target;
        this.connections = connections;
        this.rules = rules;
    }

    String target() {
        return target;
    }

    boolean searching() {
        return verdict == null;
    }

    /** The rate to try next: the start, then doubled while met, halved while missed, then the bracket's geometric mean. */
    double nextRate() {
        if (highestMet == null && lowestMissed == null) {
            return rules.startRate();
        }
        if (lowestMissed == null) {
            return highestMet.offeredMessagesPerSecond() * SearchRules.FACTOR;
        }
        if (highestMet == null) {
            return lowestMissed.offeredMessagesPerSecond() / SearchRules.FACTOR;
        }
        return Math.sqrt(highestMet.offeredMessagesPerSecond() * lowestMissed.offeredMessagesPerSecond());
    }

    /** Takes a measured step, at the rate {@link #nextRate} gave, and decides whether the search has ended. */
    void record(Capacity.Step step) {
        boolean ramping = highestMet == null || lowestMissed == null;
        steps.add(step);
        if (step.met() && (highestMet == null || step.offeredMessagesPerSecond() > highestMet.offeredMessagesPerSecond())) {
            highestMet = step;
        } else if (!step.met() && (lowestMissed == null || step.offeredMessagesPerSecond() < lowestMissed.offeredMessagesPerSecond())) {
            lowestMissed = step;
        }
        rampSteps += ramping ? 1 : 0;
        verdict = verdict();
    }

    /** Ends the search: a step could not be measured. */
    void fail(String reason) {
        failure = reason;
        verdict = Capacity.Verdict.FAILED;
    }

    private Capacity.Verdict verdict() {
        if (highestMet != null && lowestMissed != null) {
            boolean narrow = lowestMissed.offeredMessagesPerSecond() <= highestMet.offeredMessagesPerSecond() * (1 + SearchRules.PRECISION);
            if (!narrow && steps.size() < SearchRules.maxSteps()) {
                return null;
            }
            return highestMet.clientBound() || lowestMissed.clientBound() ? Capacity.Verdict.CLIENT_BOUND : Capacity.Verdict.FOUND;
        }
        if (rampSteps < SearchRules.MAX_RAMP_STEPS) {
            return null;
        }
        if (highestMet == null) {
            return Capacity.Verdict.BELOW_START;
        }
        return highestMet.clientBound() ? Capacity.Verdict.CLIENT_BOUND : Capacity.Verdict.SEARCH_LIMIT;
    }

    /** What the search found so far: {@link Capacity.Verdict#UNFINISHED} while it runs. */
    Capacity result() {
        Double rate = highestMet == null ? null : highestMet.offeredMessagesPerSecond();
        Double latency = highestMet == null ? null : highestMet.percentileMicros();
        return new Capacity(target, connections, rate, latency, verdict == null ? Capacity.Verdict.UNFINISHED : verdict,
                failure, steps);
    }
}
