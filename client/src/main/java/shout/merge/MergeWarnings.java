package shout.merge;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import shout.load.Expectation;
import shout.load.LoadReport;

/**
 * What makes a merge questionable without making it wrong, one line each: runs whose settings differ
 * (size, pipeline, open loop, expectation: they are still merged, the sum just mixes two kinds of load), and runs that
 * did not run at the same time (their msgs/s are added as if they had).
 */
final class MergeWarnings {

    private MergeWarnings() {
    }

    /** The warnings for {@code runs}, without the {@code warning: } prefix; empty when there is nothing to say. */
    static List<String> of(List<RunFile> runs) {
        List<RunFile> measured = runs.stream().filter(r -> !r.fromLog()).toList();   // a log holds no settings
        List<String> warnings = new ArrayList<>();
        differs(measured, "size", r -> r.run().sizeBytes() + " B").ifPresent(warnings::add);
        differs(measured, "pipeline", r -> String.valueOf(r.run().pipeline())).ifPresent(warnings::add);
        differs(measured, "open loop", r -> r.run().openLoop() ? "open loop" : "closed loop").ifPresent(warnings::add);
        differs(measured, "expect", r -> r.settings() == null ? Expectation.UPPER.cliName() : r.settings().expect())
                .ifPresent(warnings::add);
        notOverlapping(runs).ifPresent(warnings::add);
        return warnings;
    }

    /** {@code size differs: a.json 64 B, b.json 4096 B}, when the runs do not all have the same value. */
    private static Optional<String> differs(List<RunFile> runs, String setting, Function<LoadReport, String> value) {
        if (runs.stream().map(r -> value.apply(r.report())).distinct().count() < 2) {
            return Optional.empty();
        }
        return Optional.of(setting + " differs: " + runs.stream().map(r -> r.file() + " " + value.apply(r.report()))
                .collect(Collectors.joining(", ")));
    }

    /**
     * When the start times are further apart than half the shortest measured part, the runs did not
     * overlap much, and their msgs/s added is not a rate that was ever reached.
     */
    private static Optional<String> notOverlapping(List<RunFile> runs) {
        double shortest = runs.stream().mapToDouble(r -> r.report().throughput().measuredSeconds()).filter(s -> s > 0).min().orElse(0);
        Instant earliest = MergedRun.earliestStart(runs);
        RunFile latest = runs.stream().max((a, b) -> a.start().compareTo(b.start())).orElseThrow();
        double apartSeconds = Duration.between(earliest, latest.start()).toNanos() / 1e9;
        if (runs.size() < 2 || apartSeconds <= shortest / 2) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "the runs did not overlap: their start times are %.2f s apart, more "
                + "than half the shortest measured part (%.2f s); msgs/s adds them as if they ran at once", apartSeconds, shortest));
    }
}
