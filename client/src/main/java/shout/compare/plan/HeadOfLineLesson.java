package shout.compare.plan;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import shout.load.MarkShare;
import shout.load.MessageShape;
import shout.server.Work;

/**
 * The head-of-line blocking lesson ({@code --scenario lessons:head-of-line}): most messages cost nothing, the one in a hundred the
 * client marks burns 20 ms of server CPU, and the table gives the latency of the cheap and of the expensive messages
 * apart, per mode, with and without {@code --offload}. Its cells run an open loop at a rate that keeps the server's
 * CPU well under full with the expensive messages, so that every mode keeps up and the cheap messages' latency says
 * who waited behind whom: a closed loop would drive every mode to its CPU limit, and then every message queues.
 * The marks need pipeline 1, so this part runs with it whatever {@code --pipeline} says.
 */
final class HeadOfLineLesson {

    static final Duration EXPENSIVE = Duration.ofMillis(20);
    static final Work WORK = new Work.Marked(new Work.Cpu(EXPENSIVE), Work.NONE);
    static final MarkShare MARK = MarkShare.parse("1%");
    static final int CONNECTIONS = 1000;
    /** Offered msgs/s per server CPU: the marked ones then keep it 40% busy (2,000 x 1% x 20 ms = 0.4 s a second). */
    static final double RATE_PER_SERVER_CPU = 2000;

    private HeadOfLineLesson() {
    }

    /** The lesson's one part, as {@link Lesson} makes it. */
    static List<ComparePart> parts(CellSettings cells, CpuPinning pinned, int machineCores) {
        return List.of(part(cells, pinned, machineCores));
    }

    /** The part, measured as {@code cells} says but with marked messages, pipeline 1 and its own rate. */
    static ComparePart part(CellSettings cells, CpuPinning pinned, int machineCores) {
        int serverCpus = pinned.serverCpuCount(machineCores);
        var marked = new CellSettings(new MessageShape(cells.shape().sizeBytes(), 1, MARK), cells.warmup(), cells.duration(),
                cells.repeat(), cells.jitWarmup());
        var plan = new ComparePlan(LessonsScenario.cpuTargets(), List.of(CONNECTIONS), List.of(RATE_PER_SERVER_CPU * serverCpus), marked);
        return new ComparePart("head-of-line blocking", List.of(
                "The client marks one message in a hundred (--mark " + MARK + "), which burns 20 ms of server CPU (" + WORK
                        + "); the others cost nothing. An open loop offers " + String.format(Locale.ROOT, "%,.0f", RATE_PER_SERVER_CPU)
                        + " msgs/s per server CPU, so the expensive ones keep it about 40% busy and every mode keeps up.",
                "Read the unmarked columns. On an event loop without --offload (nio, netty) a cheap message that arrives while "
                        + "its loop burns waits until the burn ends: its p99 nears 20 ms. With --offload the burn moves to a pool "
                        + "thread that the kernel time-slices against the loop, even on one core, and the cheap ones are answered "
                        + "about as fast as without work.",
                "blocking runs each connection on its own platform thread, which the kernel time-slices too. A virtual thread is "
                        + "not time-sliced: one that burns keeps its carrier (one per server CPU) until it is done, so expect "
                        + "virtual to look like an event loop without --offload.",
                "The marked columns are the expensive messages themselves: 20 ms at least in every mode, a little more where "
                        + "they share the CPU with the loop or with each other."),
                plan, new ServerWork(WORK, false), List.of(), pinned);
    }
}
