package shout.compare.plan;

import java.util.List;
import shout.server.Mode;

/**
 * {@code lessons:pool-size}: how big should a pool be? One pool row per size, 1 to 1,024 threads (each a
 * {@code pool} with {@code --threads=N}), at 1,000 connections, once with I/O-bound and once with CPU-bound work. A
 * pool serves at most its threads' connections at once, so each row's ideal is that of min(threads, connections)
 * connections (see {@link ComparePart#idealMessagesPerSecond}); the report charts these parts against the pool's
 * threads instead of the connections.
 */
final class PoolSizeLesson {

    static final List<Integer> THREADS = List.of(1, 4, 16, 64, 256, 1024);
    static final int CONNECTIONS = 1000;

    private PoolSizeLesson() {
    }

    /** The two parts, each cell measured as {@code cells} says; see {@link Lesson#parts}. */
    static List<ComparePart> parts(CellSettings cells, CpuPinning pinned, int machineCores) {
        ComparePlan plan = LessonsScenario.withTargets(cells, targets(), CONNECTIONS);
        int cores = pinned.serverCpuCount(machineCores);
        return List.of(
                new ComparePart("pool size: I/O-bound", List.of(
                        "Every message waits 10 ms (" + LessonsScenario.IO_WORK + "); a pool thread serves one connection "
                                + "at a time, so the ideal is min(threads, connections) / 10 ms: it grows with the pool "
                                + "until every connection has a thread.",
                        "Connections beyond the pool's threads wait for a free one and complete nothing (the starved column).",
                        "With the larger pools the server's CPUs rather than the pool may set the limit, a thread switch "
                                + "a message, as for blocking in the I/O-bound lesson: the CPU s column shows when.",
                        "The chart puts the pool's threads on the x-axis (log scale); memory and threads grow with the "
                                + "pool, a thread stack each."),
                        plan, new ServerWork(LessonsScenario.IO_WORK, false), List.of(), pinned),
                new ComparePart("pool size: CPU-bound", List.of(
                        "Every message burns 1 ms of CPU (" + LessonsScenario.CPU_WORK + "): the server's " + cores + " CPU"
                                + (cores == 1 ? "" : "s") + " finish at most " + cores + " / 1 ms, so more threads than "
                                + "cores add nothing but switching; the ideal is min(threads, cores) / 1 ms.",
                        "p99 grows with the threads: the more threads share the cores, the longer each message waits for "
                                + "its turn."),
                        plan, new ServerWork(LessonsScenario.CPU_WORK, false), List.of(), pinned));
    }

    private static List<Target> targets() {
        return THREADS.stream().<Target>map(threads -> new Target.Server(Mode.POOL, "pool x" + threads,
                List.of(Target.Server.THREADS_ARG + threads))).toList();
    }
}
