package shout.compare.plan;

import java.util.List;
import java.util.Locale;
import shout.server.Mode;
import shout.server.ServerConfig;

/**
 * {@code lessons:idle}: a few active connections among many idle ones. Every cell holds {@link #IDLE} connections open
 * and silent (load's {@code --idle}) beside {@link #ACTIVE} active ones, together the server's default cap of
 * connections, so that each mode's memory and threads show what an idle connection costs it.
 */
final class IdleLesson {

    static final int ACTIVE = 100;
    static final int IDLE = ServerConfig.DEFAULT_MAX_CONNECTIONS - ACTIVE;
    static final List<Mode> MODES = List.of(Mode.BLOCKING, Mode.VIRTUAL, Mode.NIO, Mode.NETTY);

    private IdleLesson() {
    }

    /** The one part, each cell measured as {@code cells} says with the idle connections added; see {@link Lesson#parts}. */
    static List<ComparePart> parts(CellSettings cells, CpuPinning pinned, int machineCores) {
        List<Target> targets = MODES.stream().<Target>map(Target.Server::new).toList();
        ComparePlan plan = LessonsScenario.withTargets(cells.withIdleConnections(IDLE), targets, ACTIVE);
        return List.of(new ComparePart("idle connections", List.of(
                String.format(Locale.ROOT, "%,d connections are open and idle (opened first, never sent on) beside "
                        + "the %,d active ones, %,d in all, the server's default cap; every active message waits 10 ms (%s), "
                        + "so the ideal is %,d / 10 ms whatever the idle ones cost.", IDLE, ACTIVE, IDLE + ACTIVE,
                        LessonsScenario.IO_WORK, ACTIVE),
                "A thread per connection pays for every idle one in threads and memory; a readiness API (nio, netty) "
                        + "holds an idle one as a registered socket and a buffer.",
                String.format(Locale.ROOT, "server KiB/conn here counts the idle connections too: the memory all %,d "
                        + "connections added, over all of them.", IDLE + ACTIVE)),
                plan, new ServerWork(LessonsScenario.IO_WORK, false), List.of(), pinned));
    }
}
