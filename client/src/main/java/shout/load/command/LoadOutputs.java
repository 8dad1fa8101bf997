package shout.load.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import picocli.CommandLine.Option;
import shout.cli.DurationConverter;
import shout.cli.OutputPaths;
import shout.load.LoadReport;

/**
 * Where {@code shout load} writes: the summary, {@code --json} (a file, or {@code -} for standard output,
 * which then moves the summary to standard error), {@code --hdr-log}, and the progress on standard error.
 * Output paths are checked before the run. A picocli mixin of {@link LoadCommand}.
 */
final class LoadOutputs {

    /** The {@code --json} value that means standard output. */
    static final String STDOUT = "-";

    @Option(names = "--json", paramLabel = "FILE",
            description = "Also write the report as JSON to FILE, or to standard output with '-' (the summary then "
                    + "goes to standard error): the settings, throughput per --interval (intervals), latency percentiles "
                    + "in microseconds (latencyMicros) and every measured latency as an HdrHistogram in nanoseconds "
                    + "(latencyHistogramNanos: compressed, Base64).")
    private String json;

    @Option(names = "--hdr-log", paramLabel = "FILE",
            description = "Also write the measured latencies (ns) to FILE in HdrHistogram's log format, one interval histogram per --interval.")
    private Path hdrLog;

    @Option(names = "--progress-interval", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "1s",
            description = "Progress on standard error: redrawn in place on a terminal, else a plain line every "
                    + "DURATION (default: ${DEFAULT-VALUE}; 0 turns it off).")
    private Duration progressInterval;

    @Option(names = "--quiet", description = "No progress, only the summary.")
    private boolean quiet;

    /** The first output path that cannot be written, as its one-line error, or empty. */
    Optional<String> problem() {
        Stream<Path> files = Stream.concat(jsonToStdout() || json == null ? Stream.empty() : Stream.of(Path.of(json)),
                Stream.ofNullable(hdrLog));
        return files.flatMap(path -> OutputPaths.fileProblem(path).map(p -> OutputPaths.describe(path, p)).stream())
                .findFirst();
    }

    /**
     * The progress observer, or empty when {@code --quiet} or an interval of 0 turned it off.
     *
     * @param startAt the run's {@code --start-at}, or null
     */
    Optional<ProgressLine> progress(PrintWriter err, boolean terminal, Instant startAt) {
        return quiet || progressInterval.isZero() ? Optional.empty()
                : Optional.of(new ProgressLine(err, terminal, progressInterval, startAt));
    }

    /** Null without {@code --hdr-log}. */
    Path hdrLog() {
        return hdrLog;
    }

    /** Where the summary goes: standard output, unless the JSON goes there. */
    PrintWriter summary(PrintWriter out, PrintWriter err) {
        return jsonToStdout() ? err : out;
    }

    /** Writes the JSON report, if asked for; the error names the file. */
    void writeJson(LoadReport report, PrintWriter out) throws IOException {
        if (json == null) {
            return;
        }
        ObjectMapper mapper = new ObjectMapper();
        if (jsonToStdout()) {
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(report));
            out.flush();
        } else {
            try {
                mapper.writerWithDefaultPrettyPrinter().writeValue(Path.of(json).toFile(), report);
            } catch (IOException e) {
                throw new IOException(OutputPaths.describe(Path.of(json), e.getMessage()), e);
            }
        }
    }

    private boolean jsonToStdout() {
        return STDOUT.equals(json);
    }
}
