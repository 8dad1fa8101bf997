package shout.compare;

import java.io.IOException;
import shout.compare.plan.Cell;
import shout.compare.plan.Target;
import shout.compare.process.CellFailure;
import shout.compare.process.LoadRunner;
import shout.compare.process.MeasuredWindow;
import shout.compare.process.ProcSampler;
import shout.compare.process.SpawnedServer;
import shout.compare.result.CellResult;
import shout.compare.result.ServerCost;
import shout.load.LoadReport;

/**
 * Runs one measurement of a cell: for a mode, against its part's running server (see {@link PartServers}),
 * sampled from /proc while the load runs; for a peer, the load, and the same sampling when {@code pid=} named its
 * process (checked at the start to be the one listening there). Whatever goes wrong becomes a failed
 * {@link CellResult}, never an exception. The server's closing counters come only at the end of the part.
 */
final class CellRunner {

    private static final System.Logger LOGGER = System.getLogger(CellRunner.class.getName());

    private final PartServers servers;
    private final LoadRunner load;
    private final long clockTicksPerSecond;

    CellRunner(PartServers servers, LoadRunner load, long clockTicksPerSecond) {
        this.servers = servers;
        this.load = load;
        this.clockTicksPerSecond = clockTicksPerSecond;
    }

    /** Measures {@code cell} once; a failure is returned as a result. */
    CellResult run(Cell cell) throws InterruptedException {
        try {
            return switch (cell.target()) {
                case Target.Server server -> againstServer(cell, server);
                case Target.Peer peer -> againstPeer(cell, peer);
            };
        } catch (CellFailure e) {
            return CellResult.failed(cell, e.getMessage());
        } catch (IOException e) {
            LOGGER.log(System.Logger.Level.DEBUG, "cell " + cell + " failed", e);
            return CellResult.failed(cell, e.toString());
        }
    }

    /**
     * Runs {@code warmup} unmeasured: the JIT warm-up of its target before its first cell. Its outcome is dropped;
     * a target that cannot be driven fails its cells, which say why.
     */
    void warmUp(Cell warmup) throws InterruptedException {
        try {
            switch (warmup.target()) {
                case Target.Server server -> {
                    servers.running(server);
                    load.run(warmup, "127.0.0.1", servers.port(server));
                }
                case Target.Peer peer -> load.run(warmup, peer.host(), peer.port());
            }
        } catch (CellFailure | IOException e) {
            LOGGER.log(System.Logger.Level.DEBUG, "JIT warm-up of {0} failed: {1}", warmup.target().name(), e.getMessage());
        }
    }

    private CellResult againstServer(Cell cell, Target.Server target) throws CellFailure, IOException, InterruptedException {
        SpawnedServer server = servers.running(target);
        servers.awaitOthersQuiet(target);
        Measured measured = measure(cell, server.pid(), "127.0.0.1", servers.port(target),
                PartServers.threadName(target) + "-" + cell.connections());
        if (!server.isAlive()) {
            throw new CellFailure("server exited during this cell, " + server.exitReason());
        }
        return CellResult.measured(cell, measured.report(), measured.cost(), server.startLine());
    }

    /** A peer without {@code pid=} is not ours to read: its cost stays unknown. */
    private CellResult againstPeer(Cell cell, Target.Peer peer) throws CellFailure, IOException, InterruptedException {
        if (peer.pid().isEmpty()) {
            return CellResult.measured(cell, load.run(cell, peer.host(), peer.port()), null, null);
        }
        Measured measured = measure(cell, peer.pid().getAsLong(), peer.host(), peer.port(),
                "peer-" + peer.name() + "-" + cell.connections());
        return CellResult.measured(cell, measured.report(), measured.cost(), null);
    }

    private record Measured(LoadReport report, ServerCost cost) {
    }

    /** The connections the server carried: the active ones up and the idle ones held, whose memory counts alike. */
    private static int connectionsHeld(LoadReport report) {
        return report.connections().connectionsUp() + report.connections().idleConnectionsHeld();
    }

    /**
     * The load against the server at {@code host:port}, with the server process {@code pid} sampled from /proc where there
     * is one, its CPU counted over the load's measured window: the one the runner saw, else the measured seconds that
     * ended as the load returned (then the closing counts in and as much of the measured start is left out).
     */
    private Measured measure(Cell cell, long pid, String host, int port, String name)
            throws CellFailure, IOException, InterruptedException {
        if (!ProcSampler.supported()) {
            return new Measured(load.run(cell, host, port), null);
        }
        try (ProcSampler sampler = ProcSampler.start(pid, clockTicksPerSecond, name)) {
            LoadRunner.Measurement run = load.measure(cell, host, port);
            LoadReport report = run.report();
            MeasuredWindow window = run.window() != null ? run.window()
                    : MeasuredWindow.endingAt(System.nanoTime(), report.throughput().measuredSeconds());
            return new Measured(report, sampler.finish(window, report.throughput().messages(), connectionsHeld(report)));
        }
    }
}
