package shout.compare;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import shout.cli.Counts;
import shout.compare.plan.ComparePlan;
import shout.compare.plan.LatencyTarget;
import shout.compare.plan.SearchRules;

/**
 * The options that say how each cell paces its load ({@code @Mixin} of {@link CompareCommand}): a closed loop when none
 * is given, {@code --rate}'s offered rates, or {@code --slo}'s search for the highest rate that meets a latency target.
 */
final class ScheduleOptions {

    @Option(names = "--rate", split = ",", paramLabel = "MSGS_PER_S", converter = Counts.FractionConverter.class,
            description = "Open loop: offer every server this many messages per second in all (e.g. 10k,20k,40k: one cell each), "
                    + "so that each does the same work and the table compares cost and latency at that load; a cell that "
                    + "did not sustain its rate is marked (default: closed loop, as fast as each server answers).")
    private List<Double> rates = new ArrayList<>();

    @Option(names = "--slo", paramLabel = LatencyTarget.SYNTAX, converter = LatencyTarget.Converter.class,
            description = "Capacity at a latency target, e.g. p99=20ms or p99.9=5ms: for each connection count, the highest "
                    + "offered rate each server sustains (98%%) with that percentile within the target, found by open-loop "
                    + "steps (x2 up, then bisected to within 5%%), every server stepped together; a report table and a chart "
                    + "of latency against offered rate. Cells of " + SearchRules.STEP_WARMUP_TEXT + " warm-up and "
                    + SearchRules.STEP_DURATION_TEXT + " unless --warmup or --duration say otherwise.")
    private LatencyTarget slo;

    @Option(names = "--slo-start", paramLabel = "MSGS_PER_S", converter = Counts.FractionConverter.class,
            description = "The offered rate --slo's search starts from (default: " + SearchRules.DEFAULT_START_TEXT + ").")
    private Double sloStart;

    /** The distinct offered rates, empty for a closed loop or a search. */
    List<Double> rates() {
        return rates.stream().distinct().toList();
    }

    /** The latency target of a capacity search, or null when there is none. */
    LatencyTarget slo() {
        return slo;
    }

    /** How the search steps; throws {@link IllegalArgumentException} with a message fit for a user. */
    SearchRules rules() {
        return new SearchRules(sloStart == null ? SearchRules.DEFAULT_START : sloStart);
    }

    /** Throws {@link IllegalArgumentException} with a message fit for a user unless every rate is one. */
    void requireValid() {
        rates.forEach(ComparePlan::requireRate);
        rules();
    }

    /**
     * The one-line mistake when these options contradict each other or {@code --quick} or {@code --repeat}, else null.
     * A scenario refuses all of them itself.
     */
    String mistake(boolean quick, int repeat) {
        if (quick && !rates.isEmpty()) {
            return "--quick is a closed-loop first look and cannot offer a rate; drop --quick or --rate";
        }
        if (slo != null && !rates.isEmpty()) {
            return "--rate offers fixed rates and --slo searches for one; give one of them";
        }
        if (slo == null) {
            return sloStart == null ? null : "--slo-start is where --slo's search starts; give --slo too, or drop --slo-start";
        }
        if (quick) {
            return "--quick is a closed-loop first look and cannot search for a capacity; drop --quick or --slo";
        }
        return repeat == 1 ? null : "--slo measures each step once, every server in the same round; drop --repeat";
    }
}
