package shout.compare.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import shout.server.Mode;
import shout.server.Work;

/**
 * {@code --scenario lessons}: every {@link Lesson} in turn. The first three are here: what per-message waiting does to
 * each concurrency mode (I/O-bound), what per-message computing does (CPU-bound), and whether two processes beat two
 * threads; each further lesson has a class of its own.
 */
final class LessonsScenario {

    static final Work IO_WORK = new Work.Sleep(Duration.ofMillis(10));
    static final Work CPU_WORK = new Work.Cpu(Duration.ofMillis(1));

    private LessonsScenario() {
    }

    /** The parts of every lesson, each cell measured as {@code cells} says; see {@link Scenario#parts}. */
    static List<ComparePart> parts(CellSettings cells, CpuPinning pinned, int machineCores) {
        return Arrays.stream(Lesson.values()).flatMap(lesson -> lesson.parts(cells, pinned, machineCores).stream()).toList();
    }

    static List<ComparePart> ioBound(CellSettings cells, CpuPinning pinned, int machineCores) {
        List<Target> targets = new ArrayList<>(Arrays.stream(Mode.values()).map(Target.Server::new).toList());
        targets.add(new Target.Server(Mode.POOL, "pool x100 threads", List.of("--threads=100")));
        return List.of(new ComparePart("I/O-bound", List.of(
                "Every message waits 10 ms on the server (sleep:10ms), like a call to a database: the ideal is connections / 10 ms.",
                "serial serves one connection at a time, so it stays near 100 msgs/s and starves the other connections: a result, not a failure.",
                "pool caps at its threads / 10 ms (plain pool has one thread per server CPU); blocking, virtual, nio and netty should approach the ideal."),
                withTargets(cells, targets, 1, 100, 1000), new ServerWork(IO_WORK, false), List.of(), pinned));
    }

    /** The rows of the lessons whose messages burn CPU: the thread modes, and nio and netty with and without --offload. */
    static List<Target> cpuTargets() {
        List<Target> targets = new ArrayList<>(List.of(Mode.BLOCKING, Mode.VIRTUAL, Mode.NIO, Mode.NETTY).stream()
                .<Target>map(Target.Server::new).toList());
        targets.add(new Target.Server(Mode.NIO, "nio-offload", List.of("--offload")));
        targets.add(new Target.Server(Mode.NETTY, "netty-offload", List.of("--offload")));
        return targets;
    }

    static List<ComparePart> cpuBound(CellSettings cells, CpuPinning pinned, int machineCores) {
        List<Target> targets = cpuTargets();
        return List.of(new ComparePart("CPU-bound", List.of(
                "Every message burns 1 ms of server CPU (cpu:1ms): no mode beats server cores / 1 ms, whatever the connections.",
                "On an event loop the burn stops every other connection of that loop; --offload moves it to a worker pool so the loop keeps its latency."),
                withTargets(cells, targets, 1, 10, 100), new ServerWork(CPU_WORK, false), List.of(), pinned));
    }

    static List<ComparePart> processesVsThreads(CellSettings cells, CpuPinning pinned, int machineCores) {
        List<Target> targets = List.of(
                new Target.Server(Mode.NIO, "nio x2 threads", List.of("--threads=2")),
                new Target.Server(Mode.NIO, "nio x2 processes", List.of("--processes=2", "--threads=1")),
                new Target.Server(Mode.BLOCKING));
        CpuPinning shared = CpuPinning.shared("not pinned: servers and the load client share all " + machineCores
                + " CPUs, so that two server processes can use two cores");
        return List.of(new ComparePart("processes vs threads", List.of(
                "cpu:1ms again, but the server is NOT pinned: it may use all " + machineCores + " CPUs (the ideal is "
                        + machineCores + " / 1 ms), so that two processes can run on two cores.",
                "The load client is not pinned either and competes with the servers for the same cores: the figures are lower than the ideal for that reason too.",
                "For nio x2 processes, server RSS, threads and CPU s add up the launching process and its two children (RSS: the sum of their peaks)."),
                withTargets(cells, targets, 10, 100), new ServerWork(CPU_WORK, false), List.of(), shared));
    }

    static ComparePlan withTargets(CellSettings cells, List<Target> targets, Integer... connections) {
        return new ComparePlan(targets, List.of(connections), cells);
    }
}
