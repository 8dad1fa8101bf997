package shout.load.command;

import static shout.cli.Durations.readable;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import shout.load.ErrorKind;
import shout.load.LoadReport;
import shout.load.Steadiness;

/** Prints a {@link LoadReport} as the summary table a person reads; numbers in {@link Locale#ROOT}. */
final class ReportPrinter {

    private final PrintWriter out;

    ReportPrinter(PrintWriter out) {
        this.out = out;
    }

    void print(LoadReport report) {
        if (report.interrupted()) {
            line("interrupted", "%s", interrupted(report));
        }
        line("target", "%s%s, %s, %d B messages, pipeline %d, seed %d, io %s", report.target(),
                report.tag() == null ? "" : " (tag " + report.tag() + ")",
                report.openLoop() ? "open loop (latency from each message's scheduled send time)" : "closed loop",
                report.sizeBytes(), report.pipeline(), report.seed(), report.io());
        line("connections", "%d up, %d failed, of %d", report.connectionsUp(), report.connectionsFailed(),
                report.connectionsRequested());
        if (!nothingMeasured(report)) {                 // else every figure would be a zero that means nothing
            measured(report);
        }
        line("errors", "%s", errors(report.errors()));
        if (report.errors().containsKey(ErrorKind.TOO_MANY_OPEN_FILES.key())) {
            line("hint", "%s", "this process ran out of file descriptors: raise the limit with 'ulimit -n'");
        }
        out.flush();
    }

    /** The figures of the measured part: messages, throughput, latency, fairness and the client's CPU time. */
    private void measured(LoadReport report) {
        line("messages", "%d verified in %.2f s = %.0f msgs/s", report.messages(), report.measuredSeconds(),
                report.messagesPerSecond());
        line("throughput", "%.2f MB/s out, %.2f MB/s in", report.megabytesPerSecondOut(), report.megabytesPerSecondIn());
        Steadiness steady = Steadiness.of(report.intervals());
        line("steady", "%s%s", steady.describe(), steady.spreadPercent() == null ? "; a shorter --interval gives more" : "");
        LoadReport.Latency latency = report.latencyMicros();
        line("latency", "p50 %s  p90 %s  p99 %s  p99.9 %s  max %s  mean %s", readable(latency.p50()),
                readable(latency.p90()), readable(latency.p99()), readable(latency.p999()), readable(latency.max()),
                readable(latency.mean()));
        LoadReport.Fairness fairness = report.fairness();
        line("per connection", "min %d  median %d  max %d messages; %d starved (none completed)",
                fairness.min(), fairness.median(), fairness.max(), fairness.starved());
        line("client cpu", "%.2f s = %.0f%% of one core", report.clientCpuSeconds(),
                report.measuredSeconds() > 0 ? 100 * report.clientCpuSeconds() / report.measuredSeconds() : 0.0);
    }

    private static boolean nothingMeasured(LoadReport report) {
        return report.interrupted() && report.measuredSeconds() == 0;
    }

    /** How far an interrupted run got: the measured part against the planned one, or nothing yet. */
    private static String interrupted(LoadReport report) {
        if (nothingMeasured(report)) {
            return "by Ctrl-C or SIGTERM while connecting, waiting or warming up: nothing measured yet";
        }
        LoadReport.Settings planned = report.settings();
        String of = planned.messages() > 0 ? report.messages() + " of the planned " + planned.messages() + " messages"
                : String.format(Locale.ROOT, "%.2f s of the planned %s s", report.measuredSeconds(),
                        BigDecimal.valueOf(planned.durationSeconds()).stripTrailingZeros().toPlainString());
        return "by Ctrl-C or SIGTERM after " + of + "; the figures below cover that part";
    }

    private static String errors(Map<String, Long> errors) {
        if (errors.isEmpty()) {
            return "none";
        }
        return errors.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("  ")) + "   (mismatch and lost in bytes, the rest in connections)";
    }

    private void line(String label, String format, Object... args) {
        out.printf(Locale.ROOT, "%-15s" + format + "%n", prepend(label, args));
    }

    private static Object[] prepend(String label, Object[] args) {
        Object[] all = new Object[args.length + 1];
        all[0] = label;
        System.arraycopy(args, 0, all, 1, args.length);
        return all;
    }
}
