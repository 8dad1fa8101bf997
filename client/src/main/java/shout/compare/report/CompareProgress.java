package shout.compare.report;

import java.util.Locale;
import shout.compare.result.CellResult;
import shout.compare.result.CompareResult;

/** The one line printed as each cell finishes, so a long run shows it is alive, and the one that says a run was cut short. */
public final class CompareProgress {

    private CompareProgress() {
    }

    /**
     * {@code [3/12] virtual, 100 connections: 41,200 msgs/s, p99 0.210 ms, server 24.0 us/msg} or
     * {@code ...: failed: reason}; with the offered rate after the connections for an open-loop cell (and
     * {@code not sustained} after its msgs/s when it fell short), and {@code , run 2/3} when each cell is measured
     * {@code repeat > 1} times.
     *
     * @param done       measurements finished, this one included
     * @param total      measurements planned (cells x repeat)
     * @param repetition which repetition of its cell this was, from 0
     */
    public static String line(int done, int total, CellResult cell, int repetition, int repeat) {
        String head = "[" + done + "/" + total + "] " + cell.id().target() + ", " + cell.id().connections() + " connections"
                + MarkdownTable.offeredSuffix(cell) + (repeat > 1 ? ", run " + (repetition + 1) + "/" + repeat : "") + ": ";
        return switch (cell) {
            case CellResult.Failed failed -> head + "failed: " + failed.failure();
            case CellResult.Measured measured -> head + measured(measured);
        };
    }

    private static String measured(CellResult.Measured cell) {
        Double percent = cell.percentOfIdeal();
        String note = cell.remarks().note();
        Double serverMicros = cell.server() == null ? null : cell.server().cpuMicrosPerMessage();
        return String.format(Locale.ROOT, "%,.0f msgs/s", cell.load().throughput().messagesPerSecond())
                + (cell.notSustained() ? " (not sustained)" : "")
                + (percent == null ? "" : String.format(Locale.ROOT, " (%.0f%% of ideal)", percent))
                + ", p99 " + MarkdownTable.millis(cell.load().latencyMicros().p99()) + " ms"
                + (serverMicros == null ? "" : String.format(Locale.ROOT, ", server %.1f us/msg", serverMicros))
                + (note == null ? "" : " (" + note + ")");
    }

    /** {@code interrupted after 3 of 12 cells (Ctrl-C or SIGTERM); the cell under way is not reported}: for the table and report. */
    public static String interruption(CompareResult result) {
        return "interrupted after " + result.cellsRun() + " of " + result.cellsPlanned()
                + " cells (Ctrl-C or SIGTERM); the cell under way is not reported";
    }
}
