package shout.compare.plan;

import java.time.Duration;
import java.util.List;
import shout.server.Mode;
import shout.server.Work;

/**
 * {@code lessons:fanout}: one request, several waits. Each message waits 10, 20 and 30 ms, as a handler that reads
 * a file, a database and an API: in sequence it waits their sum, fanned out their longest. Two parts with the same
 * rows and connections, so that the two tables read side by side and the second's ideal is twice the first's.
 */
final class FanOutLesson {

    static final List<Duration> WAITS = List.of(Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(30));
    static final Work IN_SEQUENCE = new Work.Waits(Work.Waits.Schedule.SEQ, WAITS);
    static final Work FANNED_OUT = new Work.Waits(Work.Waits.Schedule.FANOUT, WAITS);
    static final List<Mode> MODES = List.of(Mode.BLOCKING, Mode.VIRTUAL, Mode.NIO, Mode.NETTY);
    /** Enough connections that a thread per wait shows in threads and memory; one count keeps the lesson short. */
    static final int CONNECTIONS = 1000;

    private FanOutLesson() {
    }

    /** The two parts, each cell measured as {@code cells} says; see {@link Lesson#parts}. */
    static List<ComparePart> parts(CellSettings cells, CpuPinning pinned, int machineCores) {
        List<Target> targets = MODES.stream().<Target>map(Target.Server::new).toList();
        ComparePlan plan = LessonsScenario.withTargets(cells, targets, CONNECTIONS);
        return List.of(
                new ComparePart("fan-out: waits in sequence", List.of(
                        "Every message waits 10, 20 and 30 ms one after the other (" + IN_SEQUENCE + "): 60 ms a message, "
                                + "so the ideal is connections / 60 ms and p50 is about 60 ms.",
                        "The baseline of the next part: the same waits, the same rows, one timer or sleep a message."),
                        plan, new ServerWork(IN_SEQUENCE, false), List.of(), pinned),
                new ComparePart("fan-out: waits fanned out", List.of(
                        "The same three waits started together, the reply after the last (" + FANNED_OUT + "): 30 ms a "
                                + "message, so the ideal is twice the sequence's, connections / 30 ms, and p50 about 30 ms.",
                        "Each mode fans out its own way: blocking hands the waits to a cached pool of platform threads and "
                                + "joins them (up to three threads a connection on top of its own), virtual starts a virtual "
                                + "thread per wait, nio and netty arm three timers on the connection's loop and reply when "
                                + "the last fires.",
                        "What fanning out costs shows in the threads and RSS columns against the sequence's table: the "
                                + "thread modes pay in threads and memory, the event loops in timers only. Where a row falls "
                                + "short of the ideal, its CPU s column says whether the server's CPUs were the limit."),
                        plan, new ServerWork(FANNED_OUT, false), List.of(), pinned));
    }
}
