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
 * {@code --hdr-log FILE}: the measured part's latencies (ns), one interval histogram a second, in
 * HdrHistogram's log format, so HdrHistogram's own tools can merge and plot runs.
 */
final class HdrLogFile implements LoadObserver, AutoCloseable {

    private final PrintStream stream;
    private final HistogramLogWriter writer;
    private boolean started;

    private HdrLogFile(PrintStream stream) {
        this.stream = stream;
        this.writer = new HistogramLogWriter(stream);
    }

    /** Creates or truncates the file now, so a path that cannot be written fails before the run. */
    static HdrLogFile open(Path path) throws IOException {
        return new HdrLogFile(new PrintStream(Files.newOutputStream(path), false, StandardCharsets.US_ASCII));
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
