package shout.load.command;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import shout.load.LoadObserver;

/**
 * {@code --hdr-log FILE}: the measured part's latencies (ns), one interval histogram per {@code --interval}, in
 * HdrHistogram's log format, so HdrHistogram's own tools can merge and plot runs; each line carries the
 * run's {@code --tag}, so the intervals of several runs can share one file and still be told apart.
 */
final class HdrLogFile implements LoadObserver, AutoCloseable {

    private final PrintStream stream;
    private final HistogramLogWriter writer;
    private final String tag;
    private boolean started;

    private HdrLogFile(PrintStream stream, String tag) {
        this.stream = stream;
        this.writer = new HistogramLogWriter(stream);
        this.tag = tag;
    }

    /**
     * Creates or truncates the file now, so a path that cannot be written fails before the run.
     *
     * @param tag written at the start of every interval line ({@code Tag=NAME,}), or null for none
     */
    static HdrLogFile open(Path path, String tag) throws IOException {
        return new HdrLogFile(new PrintStream(Files.newOutputStream(path), false, StandardCharsets.US_ASCII), tag);
    }

    @Override
    public void interval(Histogram latencyNanos) {
        if (!started) {
            long startMillis = latencyNanos.getStartTimeStamp();
            writer.outputLogFormatVersion();
            writer.outputComment("shout load: round-trip latency in nanoseconds; max column in milliseconds");
            writer.outputStartTime(startMillis);
            writer.setBaseTime(startMillis);
            writer.outputLegend();
            started = true;
        }
        latencyNanos.setTag(tag);                       // the writer puts a histogram's tag first on its line
        writer.outputIntervalHistogram(latencyNanos);
    }

    @Override
    public void close() throws IOException {
        boolean failed = stream.checkError();
        stream.close();
        if (failed) {
            throw new IOException("writing the HdrHistogram log failed");
        }
    }
}
