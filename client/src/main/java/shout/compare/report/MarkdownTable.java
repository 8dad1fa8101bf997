package shout.compare.report;

import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import shout.compare.result.CellResult;
import shout.compare.result.CompareResult;
import shout.compare.result.ServerCost;
import shout.load.ClientLimit;
import shout.load.Expectation;
import shout.load.LoadReport;
import shout.load.Steadiness;

/**
 * Formats cell results as one Markdown table, a row per server and connection count, followed by the notes
 * of cells whose server did not stop cleanly. Figures the harness cannot know (a peer's memory) read n/a.
 * When the servers did work per message, two columns after msgs/s give the ideal and the share of it reached.
 * The msgs/s of a cell whose throughput had not settled carries {@link #UNSETTLED_MARK}, and a footnote under the
 * table says what it means and each such cell's verdict; so does {@link #CLIENT_BOUND_MARK} for a cell whose load client
 * was busy all the time ({@link ClientLimit}).
 * A cell measured several times ({@code --repeat}) shows its median msgs/s and their spread: {@code 91,200 (88,004-93,517)}.
 * The cost columns give the server's and the load client's CPU time per message and the server's resident memory per
 * connection, all of the measured part only. When cells were offered a rate ({@code --rate}), a column after the
 * connections gives it, and {@link #NOT_SUSTAINED_MARK} follows the msgs/s of a cell that fell short of it. When cells
 * marked messages ({@code --mark}), the latency of the unmarked and of the marked ones follows the overall latency.
 */
public final class MarkdownTable {

    /** Follows the msgs/s of a cell that had not reached steady state. */
    public static final String UNSETTLED_MARK = "~";
    /** Follows the msgs/s of a cell whose load client was busy all the time: the client's limit, not the server's. */
    public static final String CLIENT_BOUND_MARK = "^";
    /** Follows the msgs/s of an open-loop cell that did not sustain its offered rate. */
    public static final String NOT_SUSTAINED_MARK = "!";

    private static final List<String> HEADER = List.of("server", "connections", "msgs/s", "MB/s each way",
            "p50 ms", "p99 ms", "p99.9 ms", "max ms", "errors", "starved", "server RSS MiB", "threads", "CPU s",
            "server us/msg", "client us/msg", "server KiB/conn");
    private static final String OFFERED_HEADER = "offered msgs/s";
    private static final int MARKED_COLUMN = HEADER.indexOf("max ms") + 1;
    private static final int OFFERED_COLUMN = HEADER.indexOf("connections") + 1;

    private MarkdownTable() {
    }

    private static final List<String> IDEAL_HEADER = List.of("ideal msgs/s", "% of ideal");
    private static final int IDEAL_COLUMN = HEADER.indexOf("msgs/s") + 1;

    /** What compare prints at the end of a run: each part's table under its title, then the interruption, if any. */
    public static String renderResult(CompareResult result) {
        StringBuilder text = new StringBuilder();
        for (CompareResult.Part part : result.parts()) {
            text.append('\n').append(part.title() == null ? "" : "## " + part.title() + "\n\n")
                    .append(part.capacity() == null ? "" : CapacityTable.render(part.capacity()) + "\n").append(render(part.cells()));
        }
        if (result.interrupted()) {
            text.append('\n').append(CompareProgress.interruption(result)).append('\n');
        }
        return text.toString();
    }

    /** The table (and notes), ending with a newline; with the ideal columns when any cell has an ideal. */
    public static String render(List<CellResult> cells) {
        boolean withIdeal = cells.stream().anyMatch(c -> c.remarks().idealMessagesPerSecond() != null);
        boolean withOffered = cells.stream().anyMatch(c -> c.id().offeredMessagesPerSecond() != null);
        boolean withMarked = MarkedColumns.any(cells);
        StringBuilder text = new StringBuilder();
        // inserted right to left, so that each position is still the one in HEADER
        List<String> header = withMarked ? inserted(HEADER, MARKED_COLUMN, MarkedColumns.HEADER) : HEADER;
        header = withIdeal ? withIdealColumns(header, IDEAL_HEADER) : header;
        header = withOffered ? inserted(header, OFFERED_COLUMN, List.of(OFFERED_HEADER)) : header;
        text.append(row(header)).append(row(header.stream().map(h -> "---").toList()));
        for (CellResult cell : cells) {
            List<String> columns = switch (cell) {
                case CellResult.Measured measured -> measured(measured);
                case CellResult.Failed failed -> failed(failed);
            };
            columns = withMarked ? inserted(columns, MARKED_COLUMN, MarkedColumns.columns(cell)) : columns;
            columns = withIdeal ? withIdealColumns(columns, idealColumns(cell)) : columns;
            text.append(row(withOffered ? inserted(columns, OFFERED_COLUMN, List.of(offered(cell))) : columns));
        }
        List<CellResult.Measured> measured = cells.stream().filter(CellResult.Measured.class::isInstance)
                .map(CellResult.Measured.class::cast).toList();
        text.append(notSustainedFootnote(measured)).append(unsettledFootnote(measured)).append(clientBoundFootnote(measured))
                .append(plainEchoNote(cells));
        List<String> notes = cells.stream().filter(c -> c.remarks().note() != null)
                .map(c -> "- " + where(c) + c.remarks().note()).toList();
        if (!notes.isEmpty()) {
            text.append('\n').append("Notes:\n").append(String.join("\n", notes)).append('\n');
        }
        return text.toString();
    }

    private static List<String> measured(CellResult.Measured cell) {
        LoadReport load = cell.load();
        ServerCost cost = cell.server();
        List<String> columns = new ArrayList<>(List.of(cell.id().target(), connections(cell),
                messagesPerSecond(cell) + (cell.notSustained() ? " " + NOT_SUSTAINED_MARK : "")
                        + (cell.unsettled() ? " " + UNSETTLED_MARK : "") + (cell.clientBound() ? " " + CLIENT_BOUND_MARK : ""),
                String.format(Locale.ROOT, "%.2f", load.throughput().megabytesPerSecondIn()),
                millis(load.latencyMicros().p50()), millis(load.latencyMicros().p99()),
                millis(load.latencyMicros().p999()), millis(load.latencyMicros().max()),
                errors(load.errors()), Integer.toString(load.fairness().starved())));
        if (cost == null) {
            columns.addAll(List.of("n/a", "n/a", "n/a", "n/a", perMessage(cell.clientCpuMicrosPerMessage()), "n/a"));
        } else {
            columns.addAll(List.of(String.format(Locale.ROOT, "%.0f", cost.peakResidentMiB()),
                    Integer.toString(cost.peakThreads()), String.format(Locale.ROOT, "%.2f", cost.cpuSeconds()),
                    perMessage(cost.cpuMicrosPerMessage()), perMessage(cell.clientCpuMicrosPerMessage()),
                    cost.residentKiBPerConnection() == null ? "-" : String.format(Locale.ROOT, "%.1f", cost.residentKiBPerConnection())));
        }
        return columns;
    }

    /** Microseconds per message, to a tenth; {@code -} when nothing was measured. */
    private static String perMessage(Double micros) {
        return micros == null ? "-" : String.format(Locale.ROOT, "%.1f", micros);
    }

    private static String offered(CellResult cell) {
        Double offered = cell.id().offeredMessagesPerSecond();
        return offered == null ? "closed loop" : String.format(Locale.ROOT, "%,.0f", offered);
    }

    /** What the not-sustained mark means and how far each marked cell fell short, or nothing when none did. */
    private static String notSustainedFootnote(List<CellResult.Measured> cells) {
        return footnote(cells, CellResult::notSustained, c -> String.format(Locale.ROOT, "answered %,.0f msgs/s (%.0f%%)",
                c.load().throughput().messagesPerSecond(), 100 * c.load().throughput().messagesPerSecond()
                        / c.id().offeredMessagesPerSecond()), String.format(Locale.ROOT,
                "%s not sustained: the server answered less than %.0f%% of the rate offered, so its row is not at that load; "
                + "its latency includes the queue that grew:", NOT_SUSTAINED_MARK, 100 * CellResult.SUSTAINED_SHARE));
    }

    /** What the mark means and each marked cell's verdict, or nothing when every cell settled. */
    private static String unsettledFootnote(List<CellResult.Measured> cells) {
        return footnote(cells, CellResult::unsettled, c -> c.steady().describe(), String.format(Locale.ROOT,
                "%s not settled: the rates of the measured intervals still rose or fell (by more than %.0f%%, beyond their "
                + "noise) or spread so much that their mean is uncertain by more than %.0f%%, or were too few to tell; read "
                + "these msgs/s as a first look, not a result:", UNSETTLED_MARK, Steadiness.MAX_TREND_PERCENT,
                Steadiness.MAX_ERROR_PERCENT));
    }

    /** What the client-bound mark means and how busy each marked cell's client was, or nothing when none was. */
    private static String clientBoundFootnote(List<CellResult.Measured> cells) {
        return footnote(cells, CellResult::clientBound, c -> c.client().describe(), String.format(Locale.ROOT,
                "%s client-bound: the load client was busy %.0f%% of the time or more, so these msgs/s are as fast as it "
                + "could go that moment and the server may be faster; two such cells differ by the client's moments, not by "
                + "their servers, so compare their server us/msg instead, the CPU each server spent per message whatever the "
                + "client's pace:", CLIENT_BOUND_MARK, ClientLimit.BOUND_PERCENT));
    }

    /** Which rows were checked as plain echo, or nothing when every row was checked upper-cased. */
    private static String plainEchoNote(List<CellResult> cells) {
        List<String> rows = cells.stream().filter(c -> Expectation.ECHO.cliName().equals(c.id().expect()))
                .map(c -> c.id().target()).distinct().toList();
        return rows.isEmpty() ? "" : "\nChecked as plain echo (every reply byte equal to the byte sent), not upper-cased: "
                + String.join(", ", rows) + ".\n";
    }

    /** {@code heading} and a line per cell that {@code marked} picks, saying {@code why}; nothing when none is picked. */
    private static String footnote(List<CellResult.Measured> cells, Predicate<CellResult> marked,
                                   Function<CellResult.Measured, String> why, String heading) {
        List<String> lines = cells.stream().filter(marked).map(c -> "- " + where(c) + why.apply(c)).toList();
        return lines.isEmpty() ? "" : "\n" + heading + "\n" + String.join("\n", lines) + "\n";
    }

    /** {@code nio at 100 connections: }, or {@code nio at 100 connections, 20,000 msgs/s offered: }, to start a note's line. */
    private static String where(CellResult cell) {
        return cell.id().target() + " at " + cell.id().connections() + " connections" + offeredSuffix(cell) + ": ";
    }

    /** {@code , 20,000 msgs/s offered} for an open-loop cell; nothing for a closed loop. */
    static String offeredSuffix(CellResult cell) {
        Double offered = cell.id().offeredMessagesPerSecond();
        return offered == null ? "" : String.format(Locale.ROOT, ", %,.0f msgs/s offered", offered);
    }

    /** The median msgs/s, with the repetitions' spread {@code (min-max)} when the cell was measured more than once. */
    private static String messagesPerSecond(CellResult.Measured cell) {
        String median = String.format(Locale.ROOT, "%,.0f", cell.load().throughput().messagesPerSecond());
        if (cell.repeats().size() < 2) {
            return median;
        }
        DoubleSummaryStatistics spread = cell.repeats().stream().mapToDouble(Double::doubleValue).summaryStatistics();
        return String.format(Locale.ROOT, "%s (%,.0f-%,.0f)", median, spread.getMin(), spread.getMax());
    }

    private static List<String> withIdealColumns(List<String> columns, List<String> ideal) {
        return inserted(columns, IDEAL_COLUMN, ideal);
    }

    private static List<String> inserted(List<String> columns, int at, List<String> more) {
        List<String> all = new ArrayList<>(columns);
        all.addAll(at, more);
        return all;
    }

    private static List<String> idealColumns(CellResult cell) {
        Double ideal = cell.remarks().idealMessagesPerSecond();
        Double percent = cell instanceof CellResult.Measured measured ? measured.percentOfIdeal() : null;
        return List.of(ideal == null ? "n/a" : String.format(Locale.ROOT, "%,.0f", ideal),
                percent == null ? "" : String.format(Locale.ROOT, percent < 10 ? "%.1f%%" : "%.0f%%", percent));
    }

    /** {@code 100}, or {@code 100 + 9,900 idle} for a cell that held idle connections beside its own. */
    private static String connections(CellResult cell) {
        Integer idle = cell.id().idleConnections();
        return cell.id().connections() + (idle == null ? "" : String.format(Locale.ROOT, " + %,d idle", idle));
    }

    private static List<String> failed(CellResult.Failed cell) {
        List<String> columns = new ArrayList<>(List.of(cell.id().target(), connections(cell),
                "failed: " + cell.failure()));
        while (columns.size() < HEADER.size()) {
            columns.add("");
        }
        return columns;
    }

    /** Microseconds as milliseconds with three significant-ish digits: 0.042, 1.25, 37.5, 1200. */
    public static String millis(double micros) {
        double ms = micros / 1000.0;
        String pattern = ms < 1 ? "%.3f" : ms < 10 ? "%.2f" : ms < 100 ? "%.1f" : "%.0f";
        return String.format(Locale.ROOT, pattern, ms);
    }

    private static String errors(Map<String, Long> byKind) {
        if (byKind == null || byKind.values().stream().allMatch(n -> n == 0)) {
            return "0";
        }
        return byKind.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    static String row(List<String> columns) {
        return columns.stream().map(c -> c.replace("|", "\\|").replace('\n', ' '))
                .collect(Collectors.joining(" | ", "| ", " |\n"));
    }
}
