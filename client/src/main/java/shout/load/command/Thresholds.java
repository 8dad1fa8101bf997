package shout.load.command;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;
import shout.cli.Cli;
import shout.cli.Counts;
import shout.cli.DurationConverter;
import shout.cli.Durations;
import shout.cli.ExitCode;
import shout.load.LoadReport;

/**
 * {@code --fail-p99} and {@code --fail-errors}: limits a CI job sets, so that a run that got slower or
 * less reliable exits with {@link ExitCode#THRESHOLD} instead of 0. A picocli mixin of {@link LoadCommand}.
 */
final class Thresholds {

    @Option(names = "--fail-p99", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Exit 4 when the measured p99 latency is above DURATION, e.g. 10ms.")
    private Duration p99;

    @Option(names = "--fail-errors", paramLabel = "N", converter = Counts.LongConverter.class,
            description = "Exit 4 when the errors of every kind, as the summary lists them, add up to more than N.")
    private Long errors;

    /** Rejects a limit no run could meet; throws {@link IllegalArgumentException} with a message fit for a user. */
    void validate() {
        Cli.require(p99 == null || p99.toNanos() > 0, "fail-p99 must be above 0");
    }

    /** What was crossed, in one line for stderr ({@code threshold crossed: p99 12.4ms > --fail-p99 10ms}), or empty. */
    Optional<String> crossed(LoadReport report) {
        List<String> crossed = new ArrayList<>();
        double p99Micros = report.latencyMicros().p99();
        if (p99 != null && p99Micros * 1e3 > p99.toNanos()) {
            crossed.add("p99 " + Durations.readable(p99Micros) + " > --fail-p99 " + Durations.format(p99));
        }
        long errorCount = report.errors().values().stream().mapToLong(Long::longValue).sum();
        if (errors != null && errorCount > errors) {
            crossed.add(errorCount + " errors > --fail-errors " + errors);
        }
        return crossed.isEmpty() ? Optional.empty() : Optional.of("threshold crossed: " + String.join("; ", crossed));
    }
}
