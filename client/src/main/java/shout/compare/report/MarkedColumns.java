package shout.compare.report;

import java.util.List;
import shout.compare.result.CellResult;
import shout.load.MarkedLatencies;

/**
 * The columns a table gains when its cells marked messages ({@code --mark}): the median and 99th percentile latency of
 * the unmarked (cheap) and of the marked (expensive) messages apart, so that a reader sees whether the cheap ones waited
 * behind the expensive ones. They follow the overall latency columns.
 */
final class MarkedColumns {

    static final List<String> HEADER = List.of("unmarked p50 ms", "unmarked p99 ms", "marked p50 ms", "marked p99 ms");

    private MarkedColumns() {
    }

    /** True when any cell has marked latencies: the table then has these columns. */
    static boolean any(List<CellResult> cells) {
        return cells.stream().anyMatch(c -> marks(c) != null);
    }

    /** The four figures of {@code cell}: blank for a failed cell, {@code -} for one measured without marks. */
    static List<String> columns(CellResult cell) {
        MarkedLatencies marks = marks(cell);
        if (marks == null) {
            String none = cell instanceof CellResult.Failed ? "" : "-";
            return List.of(none, none, none, none);
        }
        return List.of(MarkdownTable.millis(marks.unmarkedLatencyMicros().p50()), MarkdownTable.millis(marks.unmarkedLatencyMicros().p99()),
                MarkdownTable.millis(marks.markedLatencyMicros().p50()), MarkdownTable.millis(marks.markedLatencyMicros().p99()));
    }

    private static MarkedLatencies marks(CellResult cell) {
        return cell instanceof CellResult.Measured measured ? measured.load().markedLatencies() : null;
    }
}
