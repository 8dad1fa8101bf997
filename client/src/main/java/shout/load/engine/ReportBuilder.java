package shout.load.engine;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.HdrHistogram.Histogram;
import shout.cli.Cli;
import shout.load.ErrorKind;
import shout.load.LoadConfig;
import shout.load.LoadReport;
import shout.load.MarkShare;
import shout.load.MarkedLatencies;
import shout.load.OpenLoopTimes;
import shout.load.Schedule;

/** Turns the counters of a finished run into its {@link LoadReport}. Called once, after the I/O threads were joined. */
final class ReportBuilder {

    private ReportBuilder() {
    }

    /** @param idleHeld idle connections ({@code --idle}) still open and silent at the end */
    static LoadReport build(LoadConfig config, String engine, List<LoadConnection> connections, List<LoopStats> stats,
                            int idleHeld, Histogram latencyNanos, Measurement measurement) {
        long measuredNanos = measurement.nanos();
        double seconds = measuredNanos / 1e9;
        long messages = connections.stream().mapToLong(LoadConnection::measuredCompleted).sum();
        int up = (int) connections.stream().filter(LoadConnection::isEstablished).count();
        int failed = stats.stream().mapToInt(s -> s.connectionsFailed).sum();
        double megabytesOut = stats.stream().mapToLong(s -> s.measured.bytesOut).sum() / 1e6;
        double megabytesIn = stats.stream().mapToLong(s -> s.measured.bytesIn).sum() / 1e6;
        var run = new LoadReport.Run(config.target().toString(), config.seed(), config.pacing().openLoop(),
                config.shape().sizeBytes(), config.shape().pipeline(), config.tag(), measurement.start().toString(),
                measurement.interrupted());
        var throughput = new LoadReport.Throughput(seconds, messages, perSecond(messages, seconds),
                perSecond(megabytesOut, seconds), perSecond(megabytesIn, seconds), measurement.intervals());
        var client = new LoadReport.Client(Math.max(0, measurement.cpuNanos()) / 1e9, engine, Cli.VERSION, hostName());
        return new LoadReport(run, new LoadReport.ConnectionCounts(config.connections().count(), up, failed,
                config.connections().idle(), idleHeld), throughput,
                LoadReport.Latency.of(latencyNanos), errors(stats), fairness(connections), client, settings(config),
                LoadReport.encode(latencyNanos), config.pacing().openLoop() ? openLoopTimes(stats) : null,
                config.shape().mark().any() ? markedLatencies(config.shape().mark(), stats) : null);
    }

    private static MarkedLatencies markedLatencies(MarkShare share, List<LoopStats> stats) {
        return MarkedLatencies.of(share, sum(stats, loop -> loop.measured.markedNanos), sum(stats, loop -> loop.measured.unmarkedNanos));
    }

    private static OpenLoopTimes openLoopTimes(List<LoopStats> stats) {
        return OpenLoopTimes.of(sum(stats, loop -> loop.measured.serviceNanos), sum(stats, loop -> loop.measured.latenessNanos));
    }

    /** One histogram of every I/O thread, added up. */
    private static Histogram sum(List<LoopStats> stats, Function<LoopStats, Histogram> histogram) {
        Histogram sum = LatencyRecorder.newHistogram();
        stats.forEach(loop -> sum.add(histogram.apply(loop)));
        return sum;
    }

    private static LoadReport.Settings settings(LoadConfig config) {
        Schedule schedule = config.schedule();
        var rates = new LoadReport.Settings.Rates(config.pacing().messagesPerSecond(), config.pacing().connectsPerSecond());
        var timing = new LoadReport.Settings.Timing(seconds(schedule.warmup()), schedule.counted() ? 0 : seconds(schedule.duration()),
                schedule.messages(), seconds(schedule.interval()));
        return new LoadReport.Settings(config.target().toString(), config.connections().count(), config.connections().threads(),
                rates, timing, config.shape().sizeBytes(), config.shape().pipeline(), config.io().name().toLowerCase(Locale.ROOT),
                config.seed(), config.expect().cliName());
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    /** The kernel's host name where Linux tells it without a lookup, else what the JDK resolves. */
    private static String hostName() {
        Path kernel = Path.of("/proc/sys/kernel/hostname");
        try {
            return Files.isReadable(kernel) ? Files.readString(kernel).strip() : InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            System.getLogger(ReportBuilder.class.getName()).log(System.Logger.Level.DEBUG, "no host name", e);
            return "unknown";
        }
    }

    private static double perSecond(double amount, double seconds) {
        return seconds > 0 ? amount / seconds : 0;
    }

    private static Map<String, Long> errors(List<LoopStats> stats) {
        Map<String, Long> errors = new LinkedHashMap<>();
        for (ErrorKind kind : ErrorKind.values()) {
            long count = stats.stream().mapToLong(s -> s.errors[kind.ordinal()]).sum();
            if (count > 0) {
                errors.put(kind.key(), count);
            }
        }
        return errors;
    }

    /** Over the connections that were established: a connection the server never let in is a failure, not starved. */
    private static LoadReport.Fairness fairness(List<LoadConnection> connections) {
        long[] completed = connections.stream().filter(LoadConnection::isEstablished)
                .mapToLong(LoadConnection::measuredCompleted).sorted().toArray();
        if (completed.length == 0) {
            return new LoadReport.Fairness(0, 0, 0, 0);
        }
        int starved = (int) Arrays.stream(completed).filter(c -> c == 0).count();
        return new LoadReport.Fairness(completed[0], completed[completed.length / 2], completed[completed.length - 1], starved);
    }
}
