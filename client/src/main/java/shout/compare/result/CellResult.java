package shout.compare.result;

import java.util.List;
import shout.compare.plan.Cell;
import shout.compare.plan.ServerWork;
import shout.compare.plan.Target;
import shout.load.ClientLimit;
import shout.load.LoadReport;
import shout.load.Steadiness;

/**
 * The outcome of one cell: the load client's report and the server's cost, or the reason it failed.
 *
 * @param target      the row name (mode, variant label or peer name)
 * @param peer        true for a {@code --peer} server the harness did not start
 * @param connections connections asked for
 * @param failure     null when measured, else the one-line reason
 * @param load        the load client's figures, null when failed
 * @param server      the server's cost, null when failed or not knowable (a peer)
 * @param note        anything odd that did not fail the cell (server exit code, forced stop), or null
 * @param serverStartLine the server's own start line (mode, threads, work, processes), or null
 * @param serverSummary the server's own closing line (its connection and byte counters over all its cells, as one
 *                    server serves every cell of its row), on the row's last cell only; else null
 * @param idealMessagesPerSecond the best this cell's work allows (see {@link ServerWork}), or null for no work
 * @param steady      whether the load's throughput had settled over the measured part, null when failed
 * @param client      how busy the load client was, and whether it, not the server, set the pace; null when failed
 * @param repeats     msgs/s of each measured repetition in run order ({@code --repeat}); {@code load} is the
 *                    median one's report. Empty when none was measured
 */
public record CellResult(String target, boolean peer, int connections, String failure, LoadReport load,
                  ServerCost server, String note, String serverStartLine, String serverSummary,
                  Double idealMessagesPerSecond, Steadiness steady, ClientLimit client, List<Double> repeats) {

    public CellResult {
        repeats = repeats == null ? List.of() : List.copyOf(repeats);
    }

    /** A measured cell; its load client ran on the CPUs this JVM may use (compare pins itself with its client). */
    public static CellResult measured(Cell cell, LoadReport load, ServerCost server, String note, String startLine, String summary) {
        return new CellResult(cell.target().name(), cell.target() instanceof Target.Peer, cell.connections(),
                null, load, server, note, startLine, summary, null,
                Steadiness.of(load.intervals() == null ? List.of() : load.intervals()), ClientLimit.ofThisJvm(load),
                List.of(load.messagesPerSecond()));
    }

    public static CellResult failed(Cell cell, String reason) {
        return new CellResult(cell.target().name(), cell.target() instanceof Target.Peer, cell.connections(),
                reason, null, null, null, null, null, null, null, null, List.of());
    }

    /** This result with its ideal throughput set. */
    public CellResult withIdeal(Double ideal) {
        return new CellResult(target, peer, connections, failure, load, server, note, serverStartLine, serverSummary, ideal,
                steady, client, repeats);
    }

    /** True when the cell was measured but its throughput had not settled: its figures are a first look, not a result. */
    public boolean unsettled() {
        return ok() && steady != null && !steady.settled();
    }

    /** This result with the msgs/s of every repetition, itself being the median one. */
    public CellResult withRepeats(List<Double> messagesPerSecond) {
        return new CellResult(target, peer, connections, failure, load, server, note, serverStartLine, serverSummary,
                idealMessagesPerSecond, steady, client, messagesPerSecond);
    }

    /** This result with {@code more} added to its note (kept when null). */
    public CellResult withNote(String more) {
        String joined = more == null ? note : note == null ? more : note + "; " + more;
        return new CellResult(target, peer, connections, failure, load, server, joined, serverStartLine, serverSummary,
                idealMessagesPerSecond, steady, client, repeats);
    }

    /** This result with the server's closing counters line, which covers every cell its server served. */
    public CellResult withServerSummary(String summary) {
        return new CellResult(target, peer, connections, failure, load, server, note, serverStartLine, summary,
                idealMessagesPerSecond, steady, client, repeats);
    }

    /** True when the cell was measured with its load client busy all the time: its msgs/s is the client's limit. */
    public boolean clientBound() {
        return ok() && client != null && client.bound();
    }

    /** True when the cell has figures. */
    public boolean ok() {
        return failure == null;
    }

    /** Measured msgs/s as a percentage of the ideal, or null when there is no ideal or no measurement. */
    public Double percentOfIdeal() {
        return ok() && idealMessagesPerSecond != null && idealMessagesPerSecond > 0
                ? 100 * load.messagesPerSecond() / idealMessagesPerSecond : null;
    }
}
