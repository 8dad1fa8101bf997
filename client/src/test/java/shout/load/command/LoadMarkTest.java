package shout.load.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import shout.load.IoEngine;
import shout.load.LoadReport;
import shout.load.MarkedLatencies;
import shout.server.EchoServer;
import shout.server.Mode;
import shout.server.ServerConfig;
import shout.server.Work;
import shout.server.app.Servers;

/**
 * {@code shout load --mark}: against a server whose marked messages wait 50 ms and whose others cost nothing, the
 * marked latencies are recorded apart from the others', in the summary and the JSON, with every reply byte exact.
 */
@Timeout(20)
class LoadMarkTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration MARKED_WAIT = Duration.ofMillis(50);
    /** One connection, 100 messages, 10% marked: exactly messages 9, 19, ..., 99 (see MarkShare). */
    private static final String[] TEN_OF_A_HUNDRED = {"--connections", "1", "--threads", "1", "--messages", "100", "--mark", "10%"};

    @TempDir
    Path dir;

    private static EchoServer markedServer() throws IOException {
        // blocking waits with Thread.sleep, which never returns early: the marked latencies' lower bound is exact
        return Servers.start(Mode.BLOCKING, ServerConfig.builder().port(0).work(new Work.Marked(new Work.Sleep(MARKED_WAIT), Work.NONE)).build());
    }

    private static LoadRun load(int port, Path json, String loop, IoEngine engine) {
        List<String> args = new ArrayList<>(List.of("--port", "" + port, "--json", json.toString(),
                "--io", engine.name().toLowerCase(Locale.ROOT)));
        args.addAll(List.of(TEN_OF_A_HUNDRED));
        if (loop.equals("open")) {
            args.addAll(List.of("--rate", "200"));
        }
        return LoadRun.of(args.toArray(String[]::new));
    }

    @ParameterizedTest
    @CsvSource({"closed, NIO", "closed, EPOLL", "open, NIO", "open, EPOLL"})
    void markedLatenciesAreRecordedApartFromTheOthers(String loop, IoEngine engine) throws Exception {
        assumeTrue(LoadCommandTest.engines().anyMatch(engine::equals), engine + " runs here");
        Path json = dir.resolve("run.json");
        try (EchoServer server = markedServer()) {
            LoadRun result = load(server.port(), json, loop, engine);
            assertEquals(0, result.exitCode(), result.err());
            assertTrue(result.out().contains("10 messages (--mark 10%)"), result.out());
            assertTrue(result.out().contains("90 messages"), result.out());
        }
        MarkedLatencies marks = markedApart(json);
        assertEquals(10, marks.markedMessages());
        assertEquals(90, marks.unmarkedMessages());
    }

    @Test
    void connectionsSharingAnIoThreadEachMarkTheirOwnMessages() throws Exception {
        Path json = dir.resolve("run.json");
        try (EchoServer server = markedServer()) {
            LoadRun result = LoadRun.of("--port", "" + server.port(), "--connections", "4", "--threads", "1", "--warmup", "0",
                    "--duration", "500ms", "--mark", "10%", "--json", json.toString());
            assertEquals(0, result.exitCode(), result.err());
        }
        assertTrue(markedApart(json).markedMessages() > 0);
    }

    /**
     * The marked latencies of the run that wrote {@code json}, checked: every byte exact (the marker came back as sent),
     * every measured message counted as one kind or the other, and the marked ones no faster than the server's wait: if
     * marks were lost or mixed in, their median would be the others'.
     */
    private static MarkedLatencies markedApart(Path json) throws IOException {
        LoadReport report = JSON.readValue(json.toFile(), LoadReport.class);
        assertEquals(Map.of(), report.errors());
        MarkedLatencies marks = report.markedLatencies();
        assertEquals(report.throughput().messages(), marks.markedMessages() + marks.unmarkedMessages(), marks.toString());
        assertTrue(marks.markedLatencyMicros().p50() >= MARKED_WAIT.toNanos() / 1e3, marks.toString());
        return marks;
    }

    @Test
    void theJsonGivesBothKindsBesideTheOverallLatency() throws Exception {
        Path json = dir.resolve("run.json");
        try (EchoServer server = markedServer()) {
            assertEquals(0, load(server.port(), json, "closed", IoEngine.NIO).exitCode());
        }
        JsonNode tree = JSON.readTree(json.toFile());
        assertEquals(10.0, tree.get("markPercent").asDouble());
        assertEquals(10, tree.get("markedMessages").asLong());
        assertEquals(90, tree.get("unmarkedMessages").asLong());
        for (String kind : List.of("markedLatencyMicros", "unmarkedLatencyMicros")) {
            for (String figure : List.of("p50", "p99", "p999", "max")) {
                assertTrue(tree.get(kind).get(figure).asDouble() > 0, kind + "." + figure + " in " + tree);
            }
        }
        assertNotNull(tree.get("latencyMicros"));
        MarkedLatencies marks = JSON.readValue(json.toFile(), LoadReport.class).markedLatencies();
        assertEquals(10, LoadReport.decode(marks.markedLatencyHistogramNanos()).getTotalCount(), "read back exactly");
        assertEquals(90, LoadReport.decode(marks.unmarkedLatencyHistogramNanos()).getTotalCount());
    }

    @Test
    void aRunWithoutMarksHasNoneOfTheirFields() throws Exception {
        Path json = dir.resolve("run.json");
        try (EchoServer server = Servers.start(Mode.NIO, ServerConfig.builder().port(0).build())) {
            LoadRun result = LoadRun.of("--port", "" + server.port(), "--connections", "1", "--messages", "10", "--json", json.toString());
            assertEquals(0, result.exitCode(), result.err());
            assertFalse(result.out().contains("marked"), result.out());
        }
        JsonNode tree = JSON.readTree(json.toFile());
        for (String field : List.of("markPercent", "markedMessages", "unmarkedLatencyMicros", "markedLatencyHistogramNanos")) {
            assertFalse(tree.has(field), field + " in " + tree);
        }
        assertNull(JSON.readValue(json.toFile(), LoadReport.class).markedLatencies());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "--mark=0%    | error: Invalid value for option '--mark': mark must be a percentage in (0, 100%], e.g. 1% or 0.5%, or a fraction below 1, e.g. 0.01, not '0%' (see 'load --help')",
        "--mark=150%  | error: Invalid value for option '--mark': mark must be a percentage in (0, 100%], e.g. 1% or 0.5%, or a fraction below 1, e.g. 0.01, not '150%' (see 'load --help')",
        "--mark=1     | error: Invalid value for option '--mark': mark '1' is ambiguous: write 100% to mark every message, or 1% for one in a hundred (see 'load --help')"})
    void aShareOutsideTheRangeIsOneLineAndExitTwoBeforeConnecting(String option, String error) {
        LoadRun result = LoadRun.of("--port", "1", option);      // nothing listens on port 1: a connect would fail with exit 1
        assertEquals(2, result.exitCode(), result.err());
        assertEquals(error, result.err().strip());
    }

    @Test
    void helpWritesTheShareAndItsExampleAsAPercentage() {
        List<String> lines = LoadRun.of("--help").out().lines().map(String::strip).toList();
        assertTrue(lines.contains("shout load 127.0.0.1:8081 -c 1k -R 2k --mark 1%"), "picocli's %% is a %: " + lines);
        assertTrue(lines.stream().anyMatch(line -> line.contains("e.g. 1% (one in a hundred")), lines.toString());
    }

    @Test
    void marksWithAPipelineAreRefusedBeforeConnecting() {
        LoadRun result = LoadRun.of("--port", "1", "--mark", "1%", "--pipeline", "2");
        assertEquals(2, result.exitCode(), result.err());
        assertEquals("error: mark needs pipeline 1, not 2: with more messages in flight the server may read several as one "
                + "chunk and cost them all by the first one's mark", result.err().strip());
    }
}
