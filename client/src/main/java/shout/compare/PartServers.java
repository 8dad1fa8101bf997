package shout.compare;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import shout.cli.ChildJvm;
import shout.cli.StopLine;
import shout.compare.plan.ComparePart;
import shout.compare.plan.Target;
import shout.compare.process.CellFailure;
import shout.compare.process.ChildShout;
import shout.compare.process.LiveChildren;
import shout.compare.process.ProcSampler;
import shout.compare.process.SpawnedServer;

/**
 * The server processes of one part: every mode and variant started once (port 0), all at once, and kept running
 * across their cells, so that each is measured warm. They start on every CPU, sized for the server CPUs, and are
 * pinned to those once they listen, since JVMs starting together on one pinned core take about twice as long
 * (docs/findings.md#servers-start-on-every-core-and-are-pinned-once-they-listen); nothing is measured before they
 * all listen. They are stopped
 * together with SIGTERM at the end of the part. A server that could not start, could not be pinned, or died, is
 * never restarted: its cells fail with the reason. Idle servers cost nothing but memory. Used by the run's one
 * thread; {@link LiveChildren} stops them on a signal.
 */
final class PartServers implements AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(PartServers.class.getName());
    static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    /** The server's own grace is 5 s; beyond that plus JVM exit it is stuck. */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    /** How long a cell waits at most for the other servers to go quiet, and what counts as quiet. */
    private static final Duration QUIET_AT_MOST = Duration.ofSeconds(3);
    private static final Duration QUIET_WINDOW = Duration.ofMillis(100);
    private static final double QUIET_SHARE = 0.10;

    /** A server that runs, with its port, or one that never listened, with the reason. */
    private record Started(SpawnedServer process, int port, String failure) {
    }

    /**
     * How a server ended at the end of the part.
     *
     * @param note    why the stop was not clean, or null
     * @param summary its closing counters line (over all its cells), or null
     */
    record Stopped(String note, String summary) {
    }

    private final Map<Target.Server, Started> servers = new LinkedHashMap<>();
    private final long clockTicksPerSecond;

    private PartServers(long clockTicksPerSecond) {
        this.clockTicksPerSecond = clockTicksPerSecond;
    }

    /** Starts a server for every {@link Target.Server} of {@code part} and waits until each listens (or failed). */
    static PartServers start(ChildShout shout, ComparePart part, LiveChildren children, long clockTicksPerSecond)
            throws InterruptedException {
        PartServers all = new PartServers(clockTicksPerSecond);
        Map<Target.Server, SpawnedServer> spawned = new LinkedHashMap<>();
        for (Target target : part.plan().targets()) {
            if (target instanceof Target.Server server) {
                try {
                    spawned.put(server, SpawnedServer.start(command(shout, part, server), threadName(server), children));
                } catch (IOException e) {
                    all.servers.put(server, new Started(null, 0, "cannot start the server: " + e));
                }
            }
        }
        String cpus = part.pinning().serverCpus();
        for (var entry : spawned.entrySet()) {
            SpawnedServer server = entry.getValue();
            try {
                int port = server.awaitPort(START_TIMEOUT);
                String unpinned = cpus == null ? null : server.pinTo(cpus);
                String failure = unpinned == null ? null : "cannot pin the server to CPUs " + cpus + ": " + unpinned;
                all.servers.put(entry.getKey(), new Started(server, port, failure));
            } catch (CellFailure e) {
                all.servers.put(entry.getKey(), new Started(server, 0, e.getMessage()));
            }
        }
        return all;
    }

    /** The running server of {@code target}; fails when it never listened or has died since (then for good). */
    SpawnedServer running(Target.Server target) throws CellFailure, InterruptedException {
        Started started = servers.get(target);
        if (started.failure() != null) {
            throw new CellFailure(started.failure());
        }
        if (!started.process().isAlive()) {
            throw new CellFailure("server exited before this cell, " + started.process().exitReason());
        }
        return started.process();
    }

    /** The port {@code target}'s server listens on. */
    int port(Target.Server target) {
        return servers.get(target).port();
    }

    /**
     * Waits (up to 3 s) until every server but {@code measured} is quiet: one that is still closing the last
     * cell's connections or compiling shares the server CPUs with the next cell's server.
     */
    void awaitOthersQuiet(Target.Server measured) throws InterruptedException {
        if (!ProcSampler.supported()) {
            return;
        }
        List<Long> others = new ArrayList<>();
        servers.forEach((target, started) -> {
            if (!target.equals(measured) && started.process() != null && started.process().isAlive()) {
                others.add(started.process().pid());
            }
        });
        if (!others.isEmpty() && !ProcSampler.awaitQuiet(others, QUIET_WINDOW, QUIET_SHARE, QUIET_AT_MOST, clockTicksPerSecond)) {
            LOGGER.log(System.Logger.Level.DEBUG, "other servers still busy after {0}; measuring {1} anyway", QUIET_AT_MOST, measured.name());
        }
    }

    /** Sends every server SIGTERM at once, then waits for each; returns how each that had started ended. */
    Map<Target.Server, Stopped> stopAll() throws InterruptedException {
        servers.values().stream().filter(s -> s.process() != null).forEach(s -> s.process().requestStop());
        Map<Target.Server, Stopped> stopped = new LinkedHashMap<>();
        for (var entry : servers.entrySet()) {
            SpawnedServer process = entry.getValue().process();
            if (process != null && entry.getValue().failure() == null) {
                String note = process.stop(STOP_TIMEOUT);
                String summary = StopLine.parse(process.lastOutputLine()).map(StopLine::toString).orElse(null);
                stopped.put(entry.getKey(), new Stopped(note, summary));
            }
        }
        return stopped;
    }

    /** Kills any server still running (the part failed midway). Safe after {@link #stopAll}. */
    @Override
    public void close() throws InterruptedException {
        for (Started started : servers.values()) {
            if (started.process() != null) {
                started.process().close();
            }
        }
    }

    /**
     * The server command for {@code target}: the harness's arguments, then the ones every server gets, then the
     * variant's. It runs the server's own entry point, which builds only the server's command line, not
     * all of shout's, so that servers started together listen sooner
     * (docs/findings.md#servers-start-on-every-core-and-are-pinned-once-they-listen).
     */
    private static List<String> command(ChildShout shout, ComparePart part, Target.Server target) {
        List<String> args = new ArrayList<>(List.of("--mode", target.mode().cliName(), "--port", "0"));
        args.addAll(part.serverArgs());
        args.addAll(target.args());
        int cpus = part.pinning().pinnedServerCpuCount();
        ChildJvm jvm = cpus == 0 ? shout.jvm() : shout.jvm().sizedFor(cpus);
        return jvm.command(List.of(), shout.serverEntryPoint(), args);
    }

    static String threadName(Target target) {
        return "server-" + target.name().replaceAll("\\W+", "_");
    }
}
