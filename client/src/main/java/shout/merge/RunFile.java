package shout.merge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;
import shout.load.LoadReport;

/**
 * One input of {@code shout merge}, read into the form every input shares: a {@link LoadReport} and its
 * decoded latency histogram (ns). The file is told by its content, not its name: a {@code shout load --json}
 * report starts with {@code {}, an HdrHistogram log ({@code --hdr-log}) with {@code #} comments or its legend.
 *
 * @param file         the path as given
 * @param report       the run's report; from a log only latency, messages, time span, start and intervals are known
 *                     (connections, bytes, errors and fairness are zero, host and settings null)
 * @param latencyNanos the run's latencies, to be added, never averaged
 * @param fromLog      true when read from an HdrHistogram log
 */
record RunFile(Path file, LoadReport report, Histogram latencyNanos, boolean fromLog) {

    /** Why a file cannot be merged; the message names the file and the reason in one line. */
    static final class Unreadable extends Exception {
        Unreadable(Path file, String why) {
            super(file + ": " + why);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private static final String FOREIGN = "neither a shout load --json report nor an HdrHistogram log";

    /** Reads one input; nothing is printed, so every input can be checked before the summary starts. */
    static RunFile read(Path file) throws Unreadable {
        String text = text(file).strip() + "\n";         // HdrHistogram's log reader needs the last line's end
        if (text.isBlank()) {
            throw new Unreadable(file, "an empty file");
        }
        if (text.startsWith("{")) {
            return fromJson(file, text);
        }
        if (text.startsWith("#") || text.startsWith("\"StartTimestamp\"")) {
            return HdrLogRun.read(file, text);
        }
        throw new Unreadable(file, FOREIGN);
    }

    private static String text(Path file) throws Unreadable {
        if (Files.isDirectory(file)) {
            throw new Unreadable(file, "is a directory");
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new Unreadable(file, "no such file");
        } catch (AccessDeniedException e) {
            throw new Unreadable(file, "permission denied");
        } catch (MalformedInputException e) {
            throw new Unreadable(file, FOREIGN + " (not text)");
        } catch (IOException e) {
            throw new Unreadable(file, String.valueOf(e.getMessage()));
        }
    }

    private static RunFile fromJson(Path file, String text) throws Unreadable {
        LoadReport report;
        try {
            report = JSON.readValue(text, LoadReport.class);
        } catch (JsonProcessingException e) {
            throw new Unreadable(file, "not a shout load --json report: " + e.getOriginalMessage());
        }
        String missing = report.latencyHistogramNanos() == null ? "latencyHistogramNanos"
                : report.latencyMicros() == null ? "latencyMicros"
                : report.errors() == null ? "errors"
                : report.fairness() == null ? "fairness"
                : report.run().startTime() == null ? "startTime" : null;
        if (missing != null) {
            throw new Unreadable(file, "JSON, but not a shout load --json report (no " + missing + ")");
        }
        try {
            Instant.parse(report.run().startTime());
            if (report.openLoopTimes() != null) {
                report.openLoopTimes().decodeServiceTime();     // fails here, naming the file, rather than in the merge
                report.openLoopTimes().decodeLateness();
            }
            return new RunFile(file, report, report.decodeLatencyHistogram(), false);
        } catch (DateTimeParseException e) {
            throw new Unreadable(file, "startTime is not an ISO-8601 instant: " + report.run().startTime());
        } catch (DataFormatException | RuntimeException e) {          // HdrHistogram's decoder throws several kinds
            throw new Unreadable(file, "a histogram (latencyHistogramNanos, serviceTimeHistogramNanos or latenessHistogramNanos) does not decode: " + e.getMessage());
        }
    }

    /** When the run started: connecting for a JSON report, the measured part for a log. */
    Instant start() {
        return Instant.parse(report.run().startTime());
    }
}
