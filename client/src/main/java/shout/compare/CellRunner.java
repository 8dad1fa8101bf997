package shout.compare;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import shout.compare.plan.Cell;
import shout.compare.plan.CpuPinning;
import shout.compare.plan.Target;
import shout.compare.process.CellFailure;
import shout.compare.process.ChildShout;
import shout.compare.process.LiveChildren;
import shout.compare.process.LoadRunner;
import shout.compare.process.ProcSampler;
import shout.compare.process.SpawnedServer;
import shout.compare.result.CellResult;
import shout.compare.result.ServerCost;
import shout.load.LoadReport;

/**
 * Runs one cell: for a mode, a fresh server process per cell (so its peak memory and threads belong to this
 * connection count alone), sampled from /proc while the load runs, then stopped with SIGTERM; for a peer,
 * just the load. Whatever goes wrong becomes a failed {@link CellResult}, never an exception.
 */
final class CellRunner {

    private static final System.Logger LOGGER = System.getLogger(CellRunner.class.getName());
    static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    /** The server's own grace is 5 s; beyond that plus JVM exit it is stuck. */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final ChildShout shout;
    private final CpuPinning pinning;
    private final List<String> serverArgs;
    private final LoadRunner load;
    private final LiveChildren children;
    private final long clockTicksPerSecond;

    CellRunner(ChildShout shout, CpuPinning pinning, List<String> serverArgs, LoadRunner load,
               LiveChildren children, long clockTicksPerSecond) {
        this.shout = shout;
        this.pinning = pinning;
        this.serverArgs = List.copyOf(serverArgs);
        this.load = load;
        this.children = children;
        this.clockTicksPerSecond = clockTicksPerSecond;
    }

    /** Measures {@code cell}; a failure is returned as a result. */
    CellResult run(Cell cell) throws InterruptedException {
        try {
            return switch (cell.target()) {
                case Target.Server server -> againstServer(cell, server);
                case Target.Peer peer -> CellResult.measured(cell, load.run(cell, peer.host(), peer.port()), null, null, null, null);
            };
        } catch (CellFailure e) {
            return CellResult.failed(cell, e.getMessage());
        } catch (IOException e) {
            LOGGER.log(System.Logger.Level.DEBUG, "cell " + cell + " failed", e);
            return CellResult.failed(cell, e.toString());
        }
    }

    private CellResult againstServer(Cell cell, Target.Server target) throws CellFailure, IOException, InterruptedException {
        String name = "server-" + target.label().replaceAll("\\W+", "_") + "-" + cell.connections();
        try (SpawnedServer server = SpawnedServer.start(serverCommand(target), name, children)) {
            int port = server.awaitPort(START_TIMEOUT);
            Measured measured;
            String note;
            try {
                measured = measure(cell, server.pid(), port, name);
            } finally {
                // SIGTERM also when the load failed or the run is being interrupted: a listening server ends gracefully
                note = server.stop(STOP_TIMEOUT);
            }
            String summary = server.lastOutputLine().startsWith("stopped:") ? server.lastOutputLine() : null;
            return CellResult.measured(cell, measured.report(), measured.cost(), note, server.startLine(), summary);
        }
    }

    private record Measured(LoadReport report, ServerCost cost) {
    }

    /** The load against the server at {@code port}, with the server process {@code pid} sampled from /proc where there is one. */
    private Measured measure(Cell cell, long pid, int port, String name) throws CellFailure, IOException, InterruptedException {
        if (!ProcSampler.supported()) {
            return new Measured(load.run(cell, "127.0.0.1", port), null);
        }
        try (ProcSampler sampler = ProcSampler.start(pid, clockTicksPerSecond, name)) {
            LoadReport report = load.run(cell, "127.0.0.1", port);
            return new Measured(report, sampler.finish());
        }
    }

    /** {@code shout server} for {@code target}: the harness's arguments, then the ones every server gets, then the variant's. */
    private List<String> serverCommand(Target.Server target) {
        List<String> args = new ArrayList<>(List.of("server", "--mode", target.mode().cliName(), "--port", "0"));
        args.addAll(serverArgs);
        args.addAll(target.args());
        return shout.command(pinning.serverPrefix(), args);
    }
}
