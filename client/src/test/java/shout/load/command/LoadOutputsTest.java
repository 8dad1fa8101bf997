package shout.load.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import shout.cli.Cli;
import shout.load.LoadReport;
import shout.server.EchoServer;
import shout.server.Mode;
import shout.server.ServerConfig;
import shout.server.app.Servers;

/** Where shout load writes: the summary, --json (to a file or to stdout), progress on stderr, and paths checked first. */
@Timeout(30)
class LoadOutputsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A latency as a person reads it: 870us, 12.4ms, 1.20s. */
    private static final String READABLE = "\\d+(\\.\\d+)?(us|ms|s)";

    @TempDir
    Path dir;

    @Test
    void jsonToStdoutMovesTheSummaryToStderrAndCarriesWhatAReaderNeedsToReproduceAndMerge() throws Exception {
        LoadRun run;
        Instant before = Instant.now();
        try (EchoServer server = Servers.start(Mode.NIO, ServerConfig.ephemeral())) {
            run = LoadRun.of("127.0.0.1:" + server.port(), "-c", "4", "-t", "2", "-d", "2200ms", "--warmup", "100ms",
                    "--size", "32", "--pipeline", "2", "--seed", "7", "--io", "nio", "--quiet", "--json", "-");
        }
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("verified in"), run.err());
        assertFalse(run.out().contains("verified in"), run.out());
        JsonNode json = JSON.readTree(run.out());
        LoadReport report = JSON.treeToValue(json, LoadReport.class);
        assertEquals(Cli.VERSION, json.get("version").asText());
        assertFalse(json.get("hostName").asText().isBlank());
        Instant start = Instant.parse(json.get("startTime").asText());
        assertFalse(start.isBefore(before.minusSeconds(1)), start + " vs " + before);
        assertEquals(new LoadReport.Settings(report.run().target(), 4, 2, new LoadReport.Settings.Rates(0, 0),
                new LoadReport.Settings.Timing(0.1, 2.2, 0, 1.0), 32, 2, "nio", 7, "upper"), report.settings());
        assertTrue(json.get("latencyMicros").has("p99"), "latency stays in microseconds, the unit in its key");
        Histogram histogram = report.decodeLatencyHistogram();
        assertEquals(report.throughput().messages(), histogram.getTotalCount());
        assertEquals(report.latencyMicros().p99(), histogram.getValueAtPercentile(99) / 1e3, 1e-9);
        List<LoadReport.Interval> intervals = report.throughput().intervals();
        assertTrue(intervals.size() >= 3 && intervals.size() <= 4, "one per second of 2.2 s: " + intervals);
        assertEquals(report.throughput().messages(), intervals.stream().mapToLong(LoadReport.Interval::messages).sum());
        assertEquals(report.throughput().measuredSeconds(), intervals.stream().mapToDouble(LoadReport.Interval::seconds).sum(), 0.01);
    }

    @Test
    void anIntervalOf100msCutsASecondIntoAboutTenIntervalsAndHdrLogHistograms() throws Exception {
        Path hdrLog = dir.resolve("run.hlog");
        LoadRun run;
        try (EchoServer server = Servers.start(Mode.NIO, ServerConfig.ephemeral())) {
            run = LoadRun.of("127.0.0.1:" + server.port(), "-c", "4", "-d", "1s", "--warmup", "100ms", "--interval", "100ms",
                    "--quiet", "--json", "-", "--hdr-log", hdrLog.toString());
        }
        assertEquals(0, run.exitCode(), run.err());
        LoadReport report = JSON.readValue(run.out(), LoadReport.class);
        List<LoadReport.Interval> intervals = report.throughput().intervals();
        assertTrue(intervals.size() >= 9 && intervals.size() <= 11, "about ten of 100 ms in 1 s: " + intervals);
        assertEquals(report.throughput().messages(), intervals.stream().mapToLong(LoadReport.Interval::messages).sum());
        // Whole, not a sliver left over from the warm-up; a loaded host may close it late, never early.
        double first = intervals.getFirst().seconds();
        assertTrue(first >= 0.095 && first < 0.5, "the first measured interval is a whole one: " + intervals);
        assertEquals(0.1, report.settings().timing().intervalSeconds());
        long histograms = Files.readAllLines(hdrLog).stream().filter(l -> !l.startsWith("#") && !l.startsWith("\"")).count();
        assertEquals(intervals.size(), histograms, "one --hdr-log histogram per interval");
        assertTrue(Pattern.compile("\nsteady +(settled|still rising|falling|unsteady) \\(spread \\d+%, trend [+-]\\d+%, \\d+ intervals\\)\n")
                .matcher(run.err()).find(), "the summary says whether the rates settled: " + run.err());
    }

    @Test
    void theSummaryPrintsLatencyInTheUnitThatFits() throws Exception {
        try (EchoServer server = Servers.start(Mode.NIO, ServerConfig.ephemeral())) {
            LoadRun run = LoadRun.of("127.0.0.1:" + server.port(), "-c", "2", "--messages", "2000", "--quiet");
            assertEquals(0, run.exitCode(), run.err());
            assertTrue(Pattern.compile("latency +p50 " + READABLE + "  p90 " + READABLE + "  p99 " + READABLE)
                    .matcher(run.out()).find(), run.out());
            assertEquals("", run.err());
        }
    }

    @Test
    void offATerminalProgressIsAPlainLineOnStderrEveryInterval() throws Exception {
        try (EchoServer server = Servers.start(Mode.NIO, ServerConfig.ephemeral())) {
            LoadRun run = LoadRun.of("127.0.0.1:" + server.port(), "-c", "2", "-d", "2500ms", "--warmup", "0");
            assertEquals(0, run.exitCode(), run.err());
            List<String> lines = run.err().lines().toList();
            assertTrue(lines.size() >= 2 && lines.size() <= 3, "a line a second for 2.5 s: " + lines);
            for (String line : lines) {
                assertTrue(line.matches(" *\\d+\\.\\d s  measuring +2 connections up  \\d+ msgs/s  p99 " + READABLE), line);
            }
            assertFalse(run.err().contains("\r"));
            assertFalse(run.out().contains("msgs/s  p99"), "progress never on stdout");
        }
    }

    @Test
    void aLongerIntervalPrintsFewerLinesAndZeroOrQuietNone() throws Exception {
        try (EchoServer server = Servers.start(Mode.NIO, ServerConfig.ephemeral())) {
            String target = "127.0.0.1:" + server.port();
            LoadRun everyTwo = LoadRun.of(target, "-c", "2", "-d", "2500ms", "--warmup", "0", "--progress-interval", "2s");
            assertEquals(1, everyTwo.err().lines().count(), everyTwo.err());
            LoadRun off = LoadRun.of(target, "-c", "2", "-d", "1500ms", "--warmup", "0", "--progress-interval", "0");
            assertEquals("", off.err());
            LoadRun quiet = LoadRun.of(true, target, "-c", "2", "-d", "1500ms", "--warmup", "0", "--quiet");
            assertEquals("", quiet.err());
        }
    }

    @Test
    void onATerminalProgressRedrawsInPlaceAndIsClearedBeforeTheSummary() throws Exception {
        try (EchoServer server = Servers.start(Mode.NIO, ServerConfig.ephemeral())) {
            LoadRun run = LoadRun.of(true, "127.0.0.1:" + server.port(), "-c", "2", "-d", "1500ms", "--warmup", "0");
            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.err().startsWith("\r"), run.err());
            assertTrue(run.err().endsWith("\r"), "cleared at the end: " + run.err());
            assertFalse(run.err().contains("\n"), run.err());
            assertTrue(run.err().contains(" p99 "), run.err());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"--json", "--hdr-log"})
    void anOutputInAMissingDirectoryIsReportedBeforeTheRun(String option) throws IOException {
        Path missing = dir.resolve("no/such/run.out");
        LoadRun run = LoadRun.of("127.0.0.1:" + closedPort(), option, missing.toString());
        assertEquals(1, run.exitCode(), run.err());
        assertEquals("error: cannot write " + missing + ": no such directory", run.err().strip(), "before connecting");
        assertEquals("", run.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--json", "--hdr-log"})
    void anOutputThatIsADirectoryIsReportedBeforeTheRun(String option) throws IOException {
        LoadRun run = LoadRun.of("127.0.0.1:" + closedPort(), option, dir.toString());
        assertEquals(1, run.exitCode(), run.err());
        assertEquals("error: cannot write " + dir + ": is a directory", run.err().strip());
    }

    @Test
    void aBadJsonPathIsFoundBeforeTheHdrLogIsCreated() throws IOException {
        Path hdrLog = dir.resolve("run.hlog");
        LoadRun run = LoadRun.of("127.0.0.1:" + closedPort(), "--json", dir.toString(), "--hdr-log", hdrLog.toString());
        assertEquals(1, run.exitCode());
        assertEquals("error: cannot write " + dir + ": is a directory", run.err().strip());
        assertFalse(Files.exists(hdrLog), "nothing written for a run that never started");
    }

    /** A port nobody listens on: a run that started would fail with 'connection refused', not with the path. */
    private static int closedPort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    @Test
    void progressIntervalDefaultsToOneSecond() {
        String help = LoadRun.of("--help").out();
        assertTrue(help.contains("--progress-interval=DURATION"), help);
        assertTrue(help.contains("(default: 1s; 0 turns it off)"), help);
    }

    /** Each JSON field the help of --json names is one the report has, in the unit its name says. */
    @Test
    void jsonHelpNamesTheReportsFieldsInTheirUnits() throws Exception {
        String help = String.join(" ", Cli.commandLine(new LoadCommand(false, StopRequests.NONE))
                .getCommandSpec().findOption("--json").description());
        JsonNode json;
        try (EchoServer server = Servers.start(Mode.NIO, ServerConfig.ephemeral())) {
            json = JSON.readTree(LoadRun.of("127.0.0.1:" + server.port(), "-c", "1", "-d", "200ms", "--warmup", "0",
                    "--quiet", "--json", "-").out());
        }
        var named = Pattern.compile("(\\w+) \\((\\w+)[:)]").matcher(help);
        int checked = 0;
        while (named.find()) {
            String field = named.group(2);
            assertTrue(json.has(field), field + " is not a field of the report " + json.fieldNames() + ": " + help);
            if (field.endsWith("Micros") || field.endsWith("Nanos")) {
                String unit = field.endsWith("Micros") ? "microseconds" : "nanoseconds";
                assertEquals(unit, named.group(1), "the unit said before " + field + ": " + help);
                checked++;
            }
        }
        assertEquals(2, checked, help);
    }
}
