package shout.load.command;

import static shout.cli.Durations.readable;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import shout.load.ClientLimit;
import shout.load.ErrorKind;
import shout.load.Expectation;
import shout.load.LoadReport;
import shout.load.MarkedLatencies;
import shout.load.OpenLoopTimes;
import shout.load.Steadiness;

/**
 * Prints a {@link LoadReport} as the summary table a person reads; numbers in {@link Locale#ROOT}.
 * The same look serves one run ({@code shout load}) and the sum of several ({@code shout merge}), which
 * words the few figures that a sum cannot give exactly. Not thread-safe: one printer per summary.
 */
public final class ReportPrinter {

    private final PrintWriter out;
    private final boolean merged;

    /** A printer of one run's summary. */
    public ReportPrinter(PrintWriter out) {
        this(out, false);
    }

    private ReportPrinter(PrintWriter out, boolean merged) {
        this.out = out;
        this.merged = merged;
    }

    /**
     * A printer of runs merged into one report: no seed (each run had its own), msgs/s as the runs' rates
     * added, the median per connection marked as the median of the runs' medians, the CPU time of all clients.
     */
    public static ReportPrinter merged(PrintWriter out) {
        return new ReportPrinter(out, true);
    }

    /** Prints the summary and flushes. */
    public void print(LoadReport report) {
        LoadReport.Run run = report.run();
        if (run.interrupted()) {
            line("interrupted", "%s", merged ? "a run was ended early by Ctrl-C or SIGTERM; the figures cover what each measured"
                    : interrupted(report));
        }
        if (run.target() != null) {                     // null only in a merge of HdrHistogram logs, which name none
            line("target", "%s%s, %s, %d B messages, pipeline %d, %s%sio %s", run.target(),
                    run.tag() == null ? "" : " (tag " + run.tag() + ")",
                    run.openLoop() ? "open loop (latency from each message's scheduled send time)" : "closed loop",
                    run.sizeBytes(), run.pipeline(), checkedAs(report), merged ? "" : "seed " + run.seed() + ", ", report.client().io());
        }
        LoadReport.ConnectionCounts connections = report.connections();
        if (merged && connections.connectionsRequested() == 0) {
            onlyLatency(report);                        // HdrHistogram logs alone: no connections, bytes or errors
            out.flush();
            return;
        }
        line("connections", "%d up, %d failed, of %d", connections.connectionsUp(), connections.connectionsFailed(),
                connections.connectionsRequested());
        if (connections.idleConnections() > 0) {
            line("idle", "%d held open and silent to the end, of %d (--idle: opened first, never sent on)",
                    connections.idleConnectionsHeld(), connections.idleConnections());
        }
        if (!nothingMeasured(report)) {                 // else every figure would be a zero that means nothing
            measured(report);
        }
        line("errors", "%s", errors(report.errors()));
        if (report.errors().containsKey(ErrorKind.TOO_MANY_OPEN_FILES.key())) {
            line("hint", "%s", "this process ran out of file descriptors: raise the limit with 'ulimit -n'");
        }
        out.flush();
    }

    /** {@code replies checked as echo, } when any reply was checked as anything but upper-cased, else nothing. */
    private static String checkedAs(LoadReport report) {
        LoadReport.Settings settings = report.settings();
        return settings == null || settings.expect().equals(Expectation.UPPER.cliName()) ? ""
                : "replies checked as " + settings.expect() + ", ";
    }

    /** One more line in the summary's look: {@code label} padded to the column where the figures start. */
    public void line(String label, String format, Object... args) {
        out.printf(Locale.ROOT, "%-15s" + format + "%n", prepend(label, args));
    }

    /** The figures of the measured part: messages, throughput, latency, fairness and the client's CPU time. */
    private void measured(LoadReport report) {
        LoadReport.Throughput throughput = report.throughput();
        line("messages", merged ? "%d verified in %.2f s (the longest run) = %.0f msgs/s (the runs' msgs/s added)"
                        : "%d verified in %.2f s = %.0f msgs/s",
                throughput.messages(), throughput.measuredSeconds(), throughput.messagesPerSecond());
        line("throughput", "%.2f MB/s out, %.2f MB/s in", throughput.megabytesPerSecondOut(), throughput.megabytesPerSecondIn());
        Steadiness steady = Steadiness.of(throughput.intervals());
        line("steady", "%s%s", steady.describe(), steady.spreadPercent() == null ? "; a shorter --interval gives more" : "");
        latency(report.latencyMicros());
        markedLatencies(report.markedLatencies());
        openLoopTimes(report.openLoopTimes());
        LoadReport.Fairness fairness = report.fairness();
        line("per connection", merged ? "min %d  median ~%d (the runs' medians' median, not exact)  max %d messages; %d starved"
                        : "min %d  median %d  max %d messages; %d starved (none completed)",
                fairness.min(), fairness.median(), fairness.max(), fairness.starved());
        if (merged) {
            line("client cpu", "%.2f s, all clients together = %.1f us a message", report.client().clientCpuSeconds(),
                    report.clientCpuMicrosPerMessage());
        } else {
            double cpuSeconds = report.client().clientCpuSeconds();
            line("client cpu", "%.2f s = %.0f%% of one core = %.1f us a message", cpuSeconds,
                    throughput.measuredSeconds() > 0 ? 100 * cpuSeconds / throughput.measuredSeconds() : 0.0,
                    report.clientCpuMicrosPerMessage());
            ClientLimit limit = ClientLimit.ofThisJvm(report);
            if (limit != null && limit.bound()) {
                line("client-bound", "%s: %s", limit.describe(), report.clientLate()
                        ? "its latency's tail is the client's as much as the server's (the service time is the server's part)"
                        : "the server may be faster than this run shows (more --threads on more cores, "
                        + "or more client machines and shout merge, would tell)");
            }
        }
    }

    /** What a merge of HdrHistogram logs alone knows: messages, time and latency. */
    private void onlyLatency(LoadReport report) {
        LoadReport.Throughput throughput = report.throughput();
        line("messages", "%d in %.2f s (the longest log) = %.0f msgs/s (the logs' msgs/s added)", throughput.messages(),
                throughput.measuredSeconds(), throughput.messagesPerSecond());
        latency(report.latencyMicros());
    }

    private void latency(LoadReport.Latency latency) {
        line("latency", "p50 %s  p90 %s  p99 %s  p99.9 %s  max %s  mean %s", readable(latency.p50()),
                readable(latency.p90()), readable(latency.p99()), readable(latency.p999()), readable(latency.max()),
                readable(latency.mean()));
    }

    /** The latencies of marked and other messages apart ({@code --mark}); nothing for a run without marks. */
    private void markedLatencies(MarkedLatencies marks) {
        if (marks == null) {
            return;
        }
        kindLatency("marked", marks.markedMessages(), marks.markedLatencyMicros(),
                " (--mark " + BigDecimal.valueOf(marks.markPercent()).stripTrailingZeros().toPlainString() + "%)");
        kindLatency("unmarked", marks.unmarkedMessages(), marks.unmarkedLatencyMicros(), "");
    }

    private void kindLatency(String label, long messages, LoadReport.Latency latency, String suffix) {
        line(label, "p50 %s  p99 %s  p99.9 %s  max %s   %,d messages%s", readable(latency.p50()), readable(latency.p99()),
                readable(latency.p999()), readable(latency.max()), messages, suffix);
    }

    /** An open loop's service time and lateness, and whether the client fell behind its schedule; nothing for a closed loop. */
    private void openLoopTimes(OpenLoopTimes times) {
        if (times == null) {
            return;
        }
        LoadReport.Latency service = times.serviceTimeMicros();
        line("service time", "p50 %s  p90 %s  p99 %s  p99.9 %s  max %s  mean %s   (from each actual send)", readable(service.p50()),
                readable(service.p90()), readable(service.p99()), readable(service.p999()), readable(service.max()),
                readable(service.mean()));
        LoadReport.Latency late = times.latenessMicros();
        line("client late", "p50 %s  p99 %s  max %s   (actual send minus scheduled; client-bound beyond p99 %s)",
                readable(late.p50()), readable(late.p99()), readable(late.max()), readable(OpenLoopTimes.LATE_NANOS / 1e3));
    }

    private static boolean nothingMeasured(LoadReport report) {
        return report.run().interrupted() && report.throughput().measuredSeconds() == 0;
    }

    /** How far an interrupted run got: the measured part against the planned one, or nothing yet. */
    private static String interrupted(LoadReport report) {
        if (nothingMeasured(report)) {
            return "by Ctrl-C or SIGTERM while connecting, waiting or warming up: nothing measured yet";
        }
        LoadReport.Settings.Timing planned = report.settings().timing();
        String of = planned.messages() > 0 ? report.throughput().messages() + " of the planned " + planned.messages() + " messages"
                : String.format(Locale.ROOT, "%.2f s of the planned %s s", report.throughput().measuredSeconds(),
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

    private static Object[] prepend(String label, Object[] args) {
        Object[] all = new Object[args.length + 1];
        all[0] = label;
        System.arraycopy(args, 0, all, 1, args.length);
        return all;
    }
}
