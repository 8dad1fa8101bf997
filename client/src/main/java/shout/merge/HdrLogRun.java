package shout.merge;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import shout.load.LoadReport;

/**
 * Reads an HdrHistogram log ({@code shout load --hdr-log}, or any tool's) into a {@link RunFile}. A log
 * holds only latencies: their sum is the run's histogram, its total count the messages, the span from the
 * first interval's start to the last one's end the measured time, and each interval one entry of
 * {@link LoadReport#intervals()}. Connections, bytes, errors and fairness are not in a log and stay zero.
 *
 * <p>{@code shout load}'s log holds exactly the latencies of its JSON's histogram, interval by interval, its
 * first interval starting when the measured part began. The start is the first interval's; the tag is the
 * intervals' {@code Tag=} (several distinct ones comma-joined), or none.
 */
final class HdrLogRun {

    private HdrLogRun() {
    }

    static RunFile read(Path file, String text) throws RunFile.Unreadable {
        List<Histogram> intervals = intervals(file, text);
        if (intervals.isEmpty()) {
            throw new RunFile.Unreadable(file, "an HdrHistogram log without any interval histogram");
        }
        Histogram total = new Histogram(3);             // auto-resizing: holds whatever range the log's intervals have
        intervals.forEach(total::add);
        long startMillis = intervals.getFirst().getStartTimeStamp();
        double seconds = (intervals.getLast().getEndTimeStamp() - startMillis) / 1e3;
        long messages = total.getTotalCount();
        var run = new LoadReport.Run(null, 0, false, 0, 0, tags(intervals), Instant.ofEpochMilli(startMillis).toString(), false);
        var throughput = new LoadReport.Throughput(seconds, messages, seconds > 0 ? messages / seconds : 0, 0, 0,
                throughput(intervals, startMillis));
        LoadReport report = new LoadReport(run,
                new LoadReport.ConnectionCounts(0, 0, 0), throughput, LoadReport.Latency.of(total),
                Map.of(), new LoadReport.Fairness(0, 0, 0, 0),
                        new LoadReport.Client(0, null, null, null), null, LoadReport.encode(total));
        return new RunFile(file, report, total, true);
    }

    private static List<Histogram> intervals(Path file, String text) throws RunFile.Unreadable {
        List<Histogram> intervals = new ArrayList<>();
        try (var reader = new HistogramLogReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)))) {
            for (EncodableHistogram next; (next = reader.nextIntervalHistogram()) != null; ) {
                if (!(next instanceof Histogram histogram)) {
                    throw new RunFile.Unreadable(file, "an HdrHistogram log of " + next.getClass().getSimpleName()
                            + "s; shout merges integer latency histograms only");
                }
                intervals.add(histogram);
            }
        } catch (RuntimeException e) {                  // the reader's parse errors are all unchecked
            throw new RunFile.Unreadable(file, "not a readable HdrHistogram log: " + e);
        }
        return intervals;
    }

    private static String tags(List<Histogram> intervals) {
        List<String> tags = intervals.stream().map(Histogram::getTag).filter(t -> t != null && !t.isEmpty()).distinct().toList();
        return tags.isEmpty() ? null : String.join(",", tags);
    }

    /** One interval per histogram of the log, timed from the first one's start. */
    private static List<LoadReport.Interval> throughput(List<Histogram> intervals, long startMillis) {
        return intervals.stream().map(h -> {
            double seconds = (h.getEndTimeStamp() - h.getStartTimeStamp()) / 1e3;
            long messages = h.getTotalCount();
            return new LoadReport.Interval((h.getStartTimeStamp() - startMillis) / 1e3, seconds, messages,
                    seconds > 0 ? messages / seconds : 0);
        }).toList();
    }
}
