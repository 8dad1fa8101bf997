package shout.compare.plan;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One lesson of {@code --scenario lessons}, which runs them all in this order; {@code --scenario lessons:NAME} runs
 * one alone. A lesson is one or two parts (sections of the report), each with its table and charts.
 */
public enum Lesson {

    /** Per-message waiting against each mode (see {@link LessonsScenario}). */
    IO(LessonsScenario::ioBound),
    /** Per-message computing against each mode (see {@link LessonsScenario}). */
    CPU(LessonsScenario::cpuBound),
    /** Two processes against two threads (see {@link LessonsScenario}). */
    PROCESSES(LessonsScenario::processesVsThreads),
    /** Three waits a message, in sequence and fanned out (see {@link FanOutLesson}). */
    FANOUT(FanOutLesson::parts),
    /** A pool's throughput against its threads, I/O-bound and CPU-bound (see {@link PoolSizeLesson}). */
    POOL_SIZE(PoolSizeLesson::parts),
    /** A few active connections among many idle ones (see {@link IdleLesson}). */
    IDLE(IdleLesson::parts),
    /** Cheap messages behind expensive ones, with and without --offload (see {@link HeadOfLineLesson}). */
    HEAD_OF_LINE(HeadOfLineLesson::parts);

    /** Makes a lesson's parts; see {@link #parts}. */
    @FunctionalInterface
    interface Parts {
        List<ComparePart> of(CellSettings cells, CpuPinning pinned, int machineCores);
    }

    private final Parts parts;

    Lesson(Parts parts) {
        this.parts = parts;
    }

    /** The name after {@code lessons:} on the command line: {@code fanout}, {@code pool-size}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The lesson's parts, in run order.
     *
     * @param cells        how every cell is measured
     * @param pinned       the pinning of the parts that pin
     * @param machineCores CPUs of the machine, for the parts that run unpinned
     */
    public List<ComparePart> parts(CellSettings cells, CpuPinning pinned, int machineCores) {
        return parts.of(cells, pinned, machineCores);
    }

    /** The lesson of that name, in any case. */
    public static Optional<Lesson> named(String name) {
        return Arrays.stream(values()).filter(lesson -> lesson.cliName().equalsIgnoreCase(name.strip())).findFirst();
    }

    /** Every lesson's name, for help and errors: {@code io, cpu, ...}. */
    public static List<String> names() {
        return Arrays.stream(values()).map(Lesson::cliName).toList();
    }
}
