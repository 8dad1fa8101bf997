package shout.compare.plan;

import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import shout.cli.Cli;

/**
 * A named grid that {@code shout compare --scenario NAME} runs as one report of several parts, each with its own
 * work, rows and pinning. Its cells are short so that the whole scenario fits in a few minutes.
 */
public enum Scenario {

    /** The concurrency lessons: I/O-bound, CPU-bound, and processes against threads (see {@link LessonsScenario}). */
    LESSONS;

    /** Warm-up per cell unless {@code --warmup} says otherwise. */
    public static final Duration WARMUP = Duration.ofSeconds(1);
    /** Measured time per cell unless {@code --duration} says otherwise. */
    public static final Duration DURATION = Duration.ofSeconds(3);

    /** The name on the command line: {@code lessons}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a scenario name in any case; an unknown one lists the valid ones. */
    public static final class Converter implements ITypeConverter<Scenario> {
        @Override
        public Scenario convert(String value) {
            return Cli.parseEnum(Scenario.class, value, "scenario");
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
     */
    public List<ComparePart> parts(CellSettings cells, CpuPinning pinned, int machineCores) {
        return switch (this) {
            case LESSONS -> LessonsScenario.parts(cells, pinned, machineCores);
        };
    }
}
