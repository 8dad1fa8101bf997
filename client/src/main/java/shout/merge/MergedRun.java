package shout.merge;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.zip.DataFormatException;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import org.HdrHistogram.Histogram;
import shout.cli.Cli;
import shout.load.ErrorKind;
import shout.load.LoadReport;
import shout.load.OpenLoopTimes;

/**
 * The sum of runs that ran at once on several machines, as one {@link LoadReport}: HdrHistogram's model,
 * the latency histograms added and every percentile read from the sum, never averaged.
 *
 * <ul>
 * <li>Exact sums: messages, connections, bytes per second, errors by kind, client CPU time, starved connections.</li>
 * <li>{@code messagesPerSecond} is the runs' msgs/s added, as for runs that ran at the same time;
 *     {@code measuredSeconds} the longest run's; {@code startTime} the earliest.</li>
 * <li>Fairness: min of the minimums, max of the maximums, starved added; the median is the median of the
 *     runs' medians, which is not the median over all connections (printed as such).</li>
 * <li>Intervals by position: interval i holds the messages of every run's interval i, which lines up the
 *     runs' seconds by their order, not by the wall clock.</li>
 * <li>Settings, size, pipeline, open loop and seed are the first JSON run's, with the totals (connections,
 *     rate, counted messages) added; host names, tags, targets, engines and expectations ({@code upper,echo}: runs
 *     checked differently are merged, with a warning) are the distinct ones, comma-joined.</li>
 * </ul>
 * Runs read from an HdrHistogram log add their latencies, messages, msgs/s and intervals; they have no
 * connections, bytes, errors or fairness to add.
 */
final class MergedRun {

    private MergedRun() {
    }

    /** The sum of {@code runs}, at least one. */
    static LoadReport of(List<RunFile> runs) {
        List<LoadReport> all = runs.stream().map(RunFile::report).toList();
        List<LoadReport> measured = runs.stream().filter(r -> !r.fromLog()).map(RunFile::report).toList();
        LoadReport first = measured.isEmpty() ? all.getFirst() : measured.getFirst();
        Histogram latencyNanos = new Histogram(3);      // auto-resizing, the runs' own precision
        runs.forEach(run -> latencyNanos.add(run.latencyNanos()));
        LoadReport.Run firstRun = first.run();
        var run = new LoadReport.Run(joined(all, r -> r.run().target()), firstRun.seed(), firstRun.openLoop(), firstRun.sizeBytes(),
                firstRun.pipeline(), joined(all, r -> r.run().tag()), earliestStart(runs).toString(),
                all.stream().anyMatch(r -> r.run().interrupted()));
        var connections = new LoadReport.ConnectionCounts((int) sum(all, r -> r.connections().connectionsRequested()),
                (int) sum(all, r -> r.connections().connectionsUp()), (int) sum(all, r -> r.connections().connectionsFailed()),
                (int) sum(all, r -> r.connections().idleConnections()), (int) sum(all, r -> r.connections().idleConnectionsHeld()));
        var throughput = new LoadReport.Throughput(all.stream().mapToDouble(r -> r.throughput().measuredSeconds()).max().orElse(0),
                sum(all, r -> r.throughput().messages()), total(all, r -> r.throughput().messagesPerSecond()),
                total(all, r -> r.throughput().megabytesPerSecondOut()), total(all, r -> r.throughput().megabytesPerSecondIn()),
                intervals(all));
        var client = new LoadReport.Client(total(all, r -> r.client().clientCpuSeconds()), joined(all, r -> r.client().io()),
                Cli.VERSION, joined(all, r -> r.client().hostName()));
        return new LoadReport(run, connections, throughput, LoadReport.Latency.of(latencyNanos), errors(all), fairness(measured),
                client, settings(measured), LoadReport.encode(latencyNanos), openLoopTimes(runs));
    }

    /** The open-loop times of the runs that have them, added; null when none has (closed loops, older files, logs). */
    private static OpenLoopTimes openLoopTimes(List<RunFile> runs) {
        List<OpenLoopTimes> present = runs.stream().map(r -> r.report().openLoopTimes()).filter(Objects::nonNull).toList();
        if (present.isEmpty()) {
            return null;
        }
        Histogram serviceNanos = new Histogram(3);
        Histogram latenessNanos = new Histogram(3);
        for (OpenLoopTimes times : present) {
            try {
                serviceNanos.add(times.decodeServiceTime());
                latenessNanos.add(times.decodeLateness());
            } catch (DataFormatException e) {
                throw new IllegalStateException("RunFile checked that these decode", e);
            }
        }
        return OpenLoopTimes.of(serviceNanos, latenessNanos);
    }

    private static long sum(List<LoadReport> reports, ToLongFunction<LoadReport> figure) {
        return reports.stream().mapToLong(figure).sum();
    }

    private static double total(List<LoadReport> reports, ToDoubleFunction<LoadReport> figure) {
        return reports.stream().mapToDouble(figure).sum();
    }

    /** The distinct values, comma-joined in the runs' order, or null when no run has one. */
    private static String joined(List<LoadReport> reports, Function<LoadReport, String> value) {
        List<String> distinct = reports.stream().map(value).filter(Objects::nonNull).distinct().toList();
        return distinct.isEmpty() ? null : String.join(",", distinct);
    }

    static Instant earliestStart(List<RunFile> runs) {
        return runs.stream().map(RunFile::start).min(Comparator.naturalOrder()).orElseThrow();
    }

    /** Added by kind, in {@link ErrorKind}'s order; kinds this version does not know (a newer writer's) after them. */
    private static Map<String, Long> errors(List<LoadReport> reports) {
        Map<String, Long> sums = new LinkedHashMap<>();
        Arrays.stream(ErrorKind.values()).forEach(kind -> sums.put(kind.key(), 0L));
        reports.forEach(report -> report.errors().forEach((kind, count) -> sums.merge(kind, count, Long::sum)));
        sums.values().removeIf(count -> count == 0);
        return sums;
    }

    /** Over the runs that had connections up; the median is the median of their medians. */
    private static LoadReport.Fairness fairness(List<LoadReport> measured) {
        List<LoadReport.Fairness> runs = measured.stream().filter(r -> r.connections().connectionsUp() > 0)
                .map(LoadReport::fairness).toList();
        if (runs.isEmpty()) {
            return new LoadReport.Fairness(0, 0, 0, 0);
        }
        long[] medians = runs.stream().mapToLong(LoadReport.Fairness::median).sorted().toArray();
        return new LoadReport.Fairness(runs.stream().mapToLong(LoadReport.Fairness::min).min().orElseThrow(),
                medians[medians.length / 2], runs.stream().mapToLong(LoadReport.Fairness::max).max().orElseThrow(),
                runs.stream().mapToInt(LoadReport.Fairness::starved).sum());
    }

    /** The first JSON run's settings with the figures that are totals (connections, rate, counted messages) added. */
    private static LoadReport.Settings settings(List<LoadReport> measured) {
        List<LoadReport.Settings> all = measured.stream().map(LoadReport::settings).filter(Objects::nonNull).toList();
        if (all.isEmpty()) {
            return null;
        }
        LoadReport.Settings first = all.getFirst();
        var rates = new LoadReport.Settings.Rates(all.stream().mapToDouble(s -> s.rates().rateMessagesPerSecond()).sum(),
                first.rates().connectRatePerSecond());
        var timing = new LoadReport.Settings.Timing(first.timing().warmupSeconds(), first.timing().durationSeconds(),
                all.stream().mapToLong(s -> s.timing().messages()).sum(), first.timing().intervalSeconds());
        return new LoadReport.Settings(first.target(), all.stream().mapToInt(LoadReport.Settings::connections).sum(),
                first.threads(), rates, timing, first.sizeBytes(), first.pipeline(), first.io(), first.seed(),
                String.join(",", all.stream().map(LoadReport.Settings::expect).distinct().toList()));
    }

    /** Interval i is the sum of every run's interval i: aligned by position, not by the wall clock. */
    private static List<LoadReport.Interval> intervals(List<LoadReport> reports) {
        List<List<LoadReport.Interval>> runs = reports.stream()
                .map(r -> r.throughput().intervals() == null ? List.<LoadReport.Interval>of() : r.throughput().intervals()).toList();
        int count = runs.stream().mapToInt(List::size).max().orElse(0);
        List<LoadReport.Interval> merged = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int at = i;
            List<LoadReport.Interval> same = runs.stream().filter(r -> r.size() > at).map(r -> r.get(at)).toList();
            merged.add(new LoadReport.Interval(same.stream().mapToDouble(LoadReport.Interval::startSeconds).min().orElseThrow(),
                    same.stream().mapToDouble(LoadReport.Interval::seconds).max().orElseThrow(),
                    same.stream().mapToLong(LoadReport.Interval::messages).sum(),
                    same.stream().mapToDouble(LoadReport.Interval::messagesPerSecond).sum()));
        }
        return merged;
    }
}
