package shout.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import shout.cli.Cli;
import shout.cli.Durations;
import shout.cli.ExitCode;
import shout.load.LoadReport;
import shout.load.command.LoadCommand;
import shout.server.EchoServer;
import shout.server.Mode;
import shout.server.ServerConfig;
import shout.server.app.Servers;

/**
 * {@code shout merge} on real runs: a and b are two {@code shout load} runs at the same time against one
 * in-process server (as two client machines would be), c one more after them. Each wrote {@code --json}
 * and {@code --hdr-log}; the expected sums are computed here from the JSON files themselves.
 */
@Timeout(60)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MergeCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private record Run(int exitCode, String out, String err) {
    }

    private static Run merge(Object... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Cli.commandLine(new MergeCommand()).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(Arrays.stream(args).map(String::valueOf).toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeAll
    void threeRuns() throws Exception {
        try (EchoServer server = Servers.start(Mode.NIO, ServerConfig.ephemeral());
             var clients = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<String> a = clients.submit(() -> load(server.port(), "a"));
            Future<String> b = clients.submit(() -> load(server.port(), "b"));
            assertEquals("", a.get(30, TimeUnit.SECONDS));
            assertEquals("", b.get(30, TimeUnit.SECONDS));
            assertEquals("", load(server.port(), "c"));
        }
    }

    /** One short closed-loop run writing NAME.json and NAME.hlog; returns its standard error when it failed, else "". */
    private String load(int port, String name) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Cli.commandLine(new LoadCommand(false)).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute("--port", "" + port, "--connections", "20", "--threads", "1", "--duration", "1s", "--warmup", "0",
                        "--tag", name, "--quiet", "--json", "" + json(name), "--hdr-log", "" + dir.resolve(name + ".hlog"));
        return code == 0 ? "" : "exit " + code + ": " + err;
    }

    private Path json(String name) {
        return dir.resolve(name + ".json");
    }

    private static LoadReport report(Path json) throws IOException {
        return JSON.readValue(json.toFile(), LoadReport.class);
    }

    /** The runs' histograms added here, independently of the merge: what the merged percentiles must be read from. */
    private static Histogram added(Path... jsons) throws Exception {
        Histogram sum = new Histogram(3);
        for (Path json : jsons) {
            sum.add(report(json).decodeLatencyHistogram());
        }
        return sum;
    }

    @Test
    void messagesAreAddedAndPercentilesReadFromTheAddedHistograms() throws Exception {
        Path merged = dir.resolve("ab-sum.json");
        Run run = merge(json("a"), json("b"), "--json", merged);
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.err(), "a and b ran at once with the same settings: nothing to warn about");
        LoadReport a = report(json("a"));
        LoadReport b = report(json("b"));
        LoadReport sum = report(merged);
        assertEquals(a.throughput().messages() + b.throughput().messages(), sum.throughput().messages());
        assertEquals(40, sum.connections().connectionsUp());
        assertEquals(Map.of(), sum.errors());
        assertEquals(a.throughput().messagesPerSecond() + b.throughput().messagesPerSecond(), sum.throughput().messagesPerSecond(), 1e-6);
        assertEquals(Math.max(a.throughput().measuredSeconds(), b.throughput().measuredSeconds()), sum.throughput().measuredSeconds());
        Histogram expected = added(json("a"), json("b"));
        assertEquals(expected.getValueAtPercentile(50) / 1e3, sum.latencyMicros().p50());
        assertEquals(expected.getValueAtPercentile(90) / 1e3, sum.latencyMicros().p90());
        assertEquals(expected.getValueAtPercentile(99) / 1e3, sum.latencyMicros().p99());
        assertEquals(expected.getMaxValue() / 1e3, sum.latencyMicros().max());
        assertEquals(expected, sum.decodeLatencyHistogram());
        assertTrue(run.out().contains("p99 " + Durations.readable(sum.latencyMicros().p99()) + " "), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.contains(json("a").toString()) && l.contains(" " + a.throughput().messages() + " ")),
                "a row per run: " + run.out());
        assertEquals(a.client().hostName(), sum.client().hostName(), "one host ran both");
    }

    @Test
    void aMergeOfAMergeEqualsTheMergeOfAll() throws Exception {
        Path ab = dir.resolve("ab.json");
        Path abThenC = dir.resolve("ab-c.json");
        Path abc = dir.resolve("abc.json");
        assertEquals(0, merge(json("a"), json("b"), "--json", ab).exitCode());
        Run twoSteps = merge(ab, json("c"), "--json", abThenC);
        Run oneStep = merge(json("a"), json("b"), json("c"), "--json", abc);
        assertEquals(0, twoSteps.exitCode(), twoSteps.err());
        assertEquals(0, oneStep.exitCode(), oneStep.err());
        assertEquals(report(abc).throughput().messages(), report(abThenC).throughput().messages());
        assertEquals(report(abc).decodeLatencyHistogram(), report(abThenC).decodeLatencyHistogram());
        assertEquals(added(json("a"), json("b"), json("c")), report(abc).decodeLatencyHistogram());
        assertEquals(messagesPerInterval(abc), messagesPerInterval(abThenC), "intervals are added by position");
        assertTrue(oneStep.err().startsWith("warning: the runs did not overlap: "), "c ran after a and b: " + oneStep.err());
    }

    private static List<Long> messagesPerInterval(Path json) throws IOException {
        return report(json).throughput().intervals().stream().map(LoadReport.Interval::messages).toList();
    }

    /** A copy of run {@code name} with {@code change} made to its JSON, as another machine might have written it. */
    private Path changed(String name, String copy, Consumer<ObjectNode> change) throws IOException {
        ObjectNode tree = (ObjectNode) JSON.readTree(json(name).toFile());
        change.accept(tree);
        Path file = dir.resolve(copy);
        JSON.writeValue(file.toFile(), tree);
        return file;
    }

    @Test
    void errorsAreAddedByKindAndLostBytesExitThreeAfterThePrintout() throws Exception {
        Path a = changed("a", "a-errors.json", t -> t.putObject("errors").put("mismatch", 5).put("reset", 2));
        Path b = changed("b", "b-errors.json", t -> t.putObject("errors").put("reset", 3).put("refused", 1));
        Path merged = dir.resolve("errors.json");
        Run run = merge(a, b, "--json", merged);
        assertEquals(ExitCode.WRONG_BYTES.code(), run.exitCode(), run.err());
        assertEquals(Map.of("mismatch", 5L, "reset", 5L, "refused", 1L), report(merged).errors());
        assertTrue(run.out().contains("mismatch=5  refused=1  reset=5"), "in ErrorKind's order: " + run.out());
        Run resetsOnly = merge(b, json("a"));
        assertEquals(0, resetsOnly.exitCode(), "resets lose no byte of a verified reply: " + resetsOnly.err());
    }

    @Test
    void differingSettingsAreMergedWithAWarningEach() throws Exception {
        Path b = changed("b", "b-4k.json", t -> t.put("sizeBytes", 4096).put("pipeline", 2));
        Run run = merge(json("a"), b);
        assertEquals(0, run.exitCode(), run.err());
        List<String> warnings = run.err().lines().toList();
        assertEquals(List.of("warning: size differs: " + json("a") + " 64 B, " + b + " 4096 B",
                "warning: pipeline differs: " + json("a") + " 1, " + b + " 2"), warnings);
        assertTrue(run.out().contains("latency"), run.out());
    }

    @Test
    void runsCheckedDifferentlyAreMergedNamingBothExpectationsWithAWarning() throws Exception {
        Path b = changed("b", "b-echo.json", t -> ((ObjectNode) t.get("settings")).put("expect", "echo"));
        Path merged = dir.resolve("expect.json");
        Run run = merge(json("a"), b, "--json", merged);
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of("warning: expect differs: " + json("a") + " upper, " + b + " echo"), run.err().lines().toList());
        assertEquals("upper,echo", JSON.readValue(merged.toFile(), LoadReport.class).settings().expect());
    }

    @ParameterizedTest
    @ValueSource(strings = {"missing", "text", "foreign-json", "array", "empty", "bad-histogram"})
    void anUnusableInputIsOneErrorLineNamingItAndExitTwoBeforeAnyPrintout(String kind) throws Exception {
        Path file = dir.resolve(kind + ".input");
        switch (kind) {
            case "text" -> Files.writeString(file, "hello, world\n");
            case "foreign-json" -> Files.writeString(file, "{\"cells\": [], \"machine\": {\"cpus\": 2}}");
            case "array" -> Files.writeString(file, "[1, 2, 3]");
            case "empty" -> Files.writeString(file, "");
            case "bad-histogram" -> file = changed("a", kind + ".input", t -> t.put("latencyHistogramNanos", "bm90IGEgaGlzdG9ncmFt"));
            default -> { }
        }
        Run run = merge(json("a"), file);
        assertEquals(ExitCode.USAGE.code(), run.exitCode());
        assertEquals("", run.out(), "checked before printing anything");
        List<String> lines = run.err().lines().toList();
        assertEquals(1, lines.size(), run.err());
        assertTrue(lines.getFirst().startsWith("error: " + file + ": "), lines.getFirst());
    }

    @Test
    void anHdrLogMergesWithItsJsonsCountHistogramSpanAndTag() throws Exception {
        // HdrLogFile writes every interval of the measured part, from its start, the same latencies the JSON's
        // histogram adds up, so a run's log and its JSON agree in count, histogram (interval by interval),
        // span (to the log's millisecond timestamps) and tag.
        Path fromLog = dir.resolve("a-log.json");
        Run run = merge(dir.resolve("a.hlog"), "--json", fromLog);
        assertEquals(0, run.exitCode(), run.err());
        LoadReport a = report(json("a"));
        LoadReport log = report(fromLog);
        assertEquals(a.throughput().messages(), log.throughput().messages());
        assertEquals(a.decodeLatencyHistogram(), log.decodeLatencyHistogram());
        assertEquals(a.throughput().intervals().stream().map(LoadReport.Interval::messages).toList(),
                log.throughput().intervals().stream().map(LoadReport.Interval::messages).toList());
        // Each loop thread stamps its own interval when it next runs, which a loaded host can hold off for a while.
        assertEquals(a.throughput().measuredSeconds(), log.throughput().measuredSeconds(), 0.25,
                "seconds from the log against seconds measured");
        assertEquals("a", log.run().tag());
        assertTrue(run.out().contains("(from an HdrHistogram log)"), run.out());
        assertFalse(run.out().contains("\nconnections "), "a log alone knows no connections: " + run.out());

        Path mixed = dir.resolve("a-json-b-log.json");
        assertEquals(0, merge(json("a"), dir.resolve("b.hlog"), "--json", mixed).exitCode());
        assertEquals(a.throughput().messages() + report(json("b")).throughput().messages(), report(mixed).throughput().messages());
        assertEquals(added(json("a"), json("b")), report(mixed).decodeLatencyHistogram());
        assertEquals(20, report(mixed).connections().connectionsUp(), "a log holds no connections");
    }

    @Test
    void jsonToStandardOutputMovesTheSummaryToStandardError() throws Exception {
        Run run = merge(json("a"), json("b"), "--json", "-");
        assertEquals(0, run.exitCode(), run.err());
        LoadReport sum = JSON.readValue(run.out(), LoadReport.class);
        assertEquals(report(json("a")).throughput().messages() + report(json("b")).throughput().messages(), sum.throughput().messages());
        assertTrue(run.err().contains("latency"), run.err());
        assertFalse(run.out().contains("latency "), run.out());
    }
}
