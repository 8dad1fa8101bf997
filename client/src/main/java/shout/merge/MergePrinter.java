package shout.merge;

import static shout.cli.Durations.readable;

import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import shout.load.LoadReport;
import shout.load.command.ReportPrinter;

/**
 * Prints a merge: the summary in {@code shout load}'s look ({@link ReportPrinter#merged}), then one row per
 * input: file, host, tag, start time, connections up, messages, msgs/s, p99. Not thread-safe.
 */
final class MergePrinter {

    private static final List<String> HEADER = List.of("file", "host", "tag", "start", "up", "messages", "msgs/s", "p99");

    private final PrintWriter out;

    MergePrinter(PrintWriter out) {
        this.out = out;
    }

    void print(LoadReport merged, List<RunFile> runs) {
        ReportPrinter printer = ReportPrinter.merged(out);
        long logs = runs.stream().filter(RunFile::fromLog).count();
        printer.line("merged", "%d runs, latency histograms added%s", runs.size(), logs == 0 ? ""
                : "; " + logs + " from HdrHistogram logs, which hold no connections, MB/s, errors or fairness");
        printer.print(merged);
        List<List<String>> rows = new ArrayList<>(List.of(HEADER));
        runs.forEach(run -> rows.add(row(run)));
        int[] widths = IntStream.range(0, HEADER.size())
                .map(column -> rows.stream().mapToInt(row -> row.get(column).length()).max().orElse(0)).toArray();
        for (int i = 0; i < rows.size(); i++) {
            printer.line(i == 0 ? "runs" : "", "%s%s", padded(rows.get(i), widths), note(i == 0 ? null : runs.get(i - 1)));
        }
        out.flush();
    }

    private static List<String> row(RunFile run) {
        LoadReport report = run.report();
        return List.of(run.file().toString(), orDash(report.client().hostName()), orDash(report.run().tag()),
                run.start().truncatedTo(ChronoUnit.MILLIS).toString(),
                run.fromLog() ? "-" : String.valueOf(report.connections().connectionsUp()), String.valueOf(report.throughput().messages()),
                String.format(Locale.ROOT, "%.0f", report.throughput().messagesPerSecond()), readable(report.latencyMicros().p99()));
    }

    private static String note(RunFile run) {
        if (run == null) {
            return "";
        }
        return (run.fromLog() ? "  (from an HdrHistogram log)" : "") + (run.report().run().interrupted() ? "  (interrupted)" : "");
    }

    /** Text columns to the left, figures to the right, two spaces apart. */
    private static String padded(List<String> row, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int column = 0; column < row.size(); column++) {
            boolean text = column < 4;
            line.append(column == 0 ? "" : "  ").append(String.format("%" + (text ? "-" : "") + widths[column] + "s", row.get(column)));
        }
        return line.toString().stripTrailing();
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }
}
