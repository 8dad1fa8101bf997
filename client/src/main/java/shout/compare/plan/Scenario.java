package shout.compare.plan;

import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Stream;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import shout.server.Mode;

/**
 * A named grid that {@code shout compare --scenario NAME} runs as one report of several parts, each with its own
 * work, rows and pinning. Its cells are short so that the whole scenario fits in a few minutes.
 */
public enum Scenario {

    /** The concurrency lessons, each a {@link Lesson} that {@code lessons:NAME} runs alone (see {@link LessonsScenario}). */
    LESSONS,
    /** The published echo benchmarks' grid: three sizes by six connection counts (see {@link EchoGridScenario}). */
    ECHO_GRID;

    /** Warm-up per cell unless {@code --warmup} says otherwise. */
    public static final Duration WARMUP = Duration.ofSeconds(1);
    /** Measured time per cell unless {@code --duration} says otherwise. */
    public static final Duration DURATION = Duration.ofSeconds(3);

    /** The options every scenario sets itself, so that giving one is a mistake, not ignored. */
    private static final List<String> OWN_OPTIONS = List.of("--connections", "--quick", "--work", "--offload", "--variant",
            "--server-arg", "--rate", "--slo", "--slo-start", "--mark");

    /** The name on the command line: {@code lessons}, {@code echo-grid}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The one-line mistake when the command line gave an option this scenario sets itself or cannot honour, else null.
     *
     * @param given whether the command line gave an option, by its long name
     */
    public String refusal(Predicate<String> given) {
        if (this == LESSONS && given.test("--peer")) {
            return "--scenario lessons cannot measure a peer: its servers do work per message (sleep, cpu) that a running "
                    + "peer does not; drop --peer";
        }
        String alsoOwn = this == LESSONS ? "--modes" : "--size";
        List<String> conflicting = Stream.concat(Stream.of(alsoOwn), OWN_OPTIONS.stream()).filter(given).toList();
        String chooses = this == LESSONS ? "rows" : "message sizes (" + EchoGridScenario.SIZES_TEXT + ")";
        return conflicting.isEmpty() ? null : "--scenario " + cliName() + " chooses its own " + chooses
                + ", connections and work; drop " + String.join(", ", conflicting);
    }

    /** Reads a scenario name in any case; an unknown one lists the valid ones. */
    public static final class Converter implements ITypeConverter<Scenario> {
        @Override
        public Scenario convert(String value) {
            return Arrays.stream(values()).filter(s -> s.cliName().equalsIgnoreCase(value.strip())).findFirst()
                    .orElseThrow(() -> new TypeConversionException("unknown scenario '" + value + "' (valid: "
                            + String.join(", ", new Names()) + ")"));
        }
    }

    /** Lists the scenarios for help text. */
    public static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(values()).map(Scenario::cliName).iterator();
        }
    }

    /**
     * The parts, in run order.
     *
     * @param cells        how every cell is measured
     * @param pinned       the pinning of the ordinary parts
     * @param machineCores CPUs of the machine, for the parts that run unpinned
     * @param modes        the modes {@code --modes} asked for, or null for the scenario's own
     * @param peers        running servers to measure beside ours ({@code --peer}), in every part; empty for none
     */
    public List<ComparePart> parts(CellSettings cells, CpuPinning pinned, int machineCores, List<Mode> modes,
                                   List<Target.Peer> peers) {
        return switch (this) {
            case LESSONS -> LessonsScenario.parts(cells, pinned, machineCores);
            case ECHO_GRID -> EchoGridScenario.parts(cells, pinned, machineCores, modes, peers);
        };
    }
}
