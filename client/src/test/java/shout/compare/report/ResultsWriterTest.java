package shout.compare.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shout.compare.result.CellResult;
import shout.compare.result.CompareResult;
import shout.compare.result.MachineInfo;
import shout.server.Mode;

/** The results folder: results.json replaced whole after every cell, and a report even for a run cut short. */
class ResultsWriterTest {

    @TempDir
    Path out;

    @Test
    void eachSnapshotReplacesResultsJsonWholeAndLeavesNoTemporaryFile() throws Exception {
        ResultsWriter writer = ResultsWriter.create(out, "2026-11-30T20:00:00Z");
        assertEquals(out.resolve("20261130-200000"), writer.directory());
        writer.writeResults(result(1, false));
        writer.writeResults(result(2, false));
        try (Stream<Path> files = Files.list(writer.directory())) {
            assertEquals(List.of("results.json"), files.map(f -> f.getFileName().toString()).toList());
        }
        var json = new ObjectMapper().readTree(writer.directory().resolve("results.json").toFile());
        assertEquals(2, json.get("cellsRun").asInt(), json.toString());
    }

    @Test
    void aRunInterruptedBeforeAnyCellFinishedStillGetsAReportThatSaysSo() throws Exception {
        ResultsWriter writer = ResultsWriter.create(out, "2026-11-30T20:00:00Z");
        String report = Files.readString(writer.writeAll(result(0, true)));
        assertTrue(report.contains("\n- interrupted after 0 of 4 cells (Ctrl-C or SIGTERM); the cell under way is not reported\n"), report);
        assertTrue(ResultsWriter.create(out, "2026-11-30T20:00:00Z").directory().endsWith("20261130-200000-2"), "a fresh directory each run");
    }

    @Test
    void resultsJsonCarriesEachCellsSteadinessAndAFailedCellNone() throws Exception {
        ResultsWriter writer = ResultsWriter.create(out, "2026-11-30T20:00:00Z");
        List<CellResult> cells = List.of(ReportCells.settled(Mode.NIO, 1), ReportCells.rising(Mode.NIO, 100), ReportCells.failed(Mode.NIO, 1000));
        CompareResult.Settings settings = new CompareResult.Settings(new CompareResult.Settings.Cells(64, 1, 0, 1, 1, 0),
                new CompareResult.Settings.Servers("none", false, 1, null, List.of()));
        writer.writeResults(new CompareResult("shout compare", MachineInfo.current(), null, 1.5, 3, 3, false,
                List.of(new CompareResult.Part(null, List.of(), "none", settings, cells))));
        var json = new ObjectMapper().readTree(writer.directory().resolve("results.json").toFile()).get("parts").get(0).get("cells");
        assertTrue(json.get(0).get("steady").get("settled").asBoolean(), json.toString());
        assertEquals("settled", json.get(0).get("steady").get("verdict").asText());
        var rising = json.get(1).get("steady");
        assertEquals("still rising", rising.get("verdict").asText());
        assertTrue(rising.get("trendPercent").asDouble() > 10, rising.toString());
        assertTrue(rising.get("spreadPercent").isNumber(), rising.toString());
        assertTrue(json.get(2).get("steady").isNull(), "a failed cell has no verdict: " + json.get(2));
    }

    @Test
    void everyCellAndThePartSettingsKeepTheFieldNamesOfTheFormat() throws Exception {
        ResultsWriter writer = ResultsWriter.create(out, "2026-11-30T20:00:00Z");
        List<CellResult> cells = List.of(ReportCells.settled(Mode.NIO, 1).withIdeal(2e5).withNote("n").withServerSummary("s"),
                ReportCells.failed(Mode.NIO, 1000));
        CompareResult.Settings settings = new CompareResult.Settings(new CompareResult.Settings.Cells(64, 1, 0, 1, 1, 0),
                new CompareResult.Settings.Servers("none", false, 1, null, List.of()));
        writer.writeResults(new CompareResult("shout compare", MachineInfo.current(), null, 1.5, 2, 2, false,
                List.of(new CompareResult.Part(null, List.of(), "none", settings, cells))));
        JsonNode part = new ObjectMapper().readTree(writer.directory().resolve("results.json").toFile()).get("parts").get(0);
        assertEquals(SETTINGS_FIELDS, fieldNames(part.get("settings")));
        JsonNode measured = part.get("cells").get(0);
        JsonNode failed = part.get("cells").get(1);
        assertEquals(CELL_FIELDS, fieldNames(measured));
        assertEquals(CELL_FIELDS, fieldNames(failed), "a failed cell has every field, null where it has no figure");
        assertEquals(List.of("nio", "1", "null", "200000.0", "n", "s", "1"), List.of(measured.get("target").asText(),
                measured.get("connections").asText(), measured.get("failure").toString(), measured.get("idealMessagesPerSecond").asText(),
                measured.get("note").asText(), measured.get("serverSummary").asText(), measured.get("repeats").size() + ""));
        assertTrue(measured.get("load").get("messagesPerSecond").isNumber(), measured.toString());
        assertEquals(SERVER_COST_FIELDS, fieldNames(measured.get("server")));
        assertEquals("boom", failed.get("failure").asText());
        for (String none : List.of("load", "server", "serverStartLine", "steady", "client", "note", "idealMessagesPerSecond",
                "clientCpuMicrosPerMessage", "sustained", "offeredMessagesPerSecond", "poolThreads", "idleConnections")) {
            assertTrue(failed.get(none).isNull(), none + " in " + failed);
        }
        assertEquals(0, failed.get("repeats").size());
    }

    /**
     * The field names of results.json's cells and part settings: those readers of older files know, and the ones added
     * since, new names only, none renamed ({@code expect}: what a row's replies were checked against; the cost and
     * offered-rate fields; a pool row's threads and a cell's idle connections, of the lessons).
     */
    private static final List<String> CELL_FIELDS = List.of("client", "clientCpuMicrosPerMessage", "connections", "expect",
            "failure", "idealMessagesPerSecond", "idleConnections", "load", "note", "offeredMessagesPerSecond", "peer",
            "poolThreads", "repeats", "server", "serverStartLine", "serverSummary", "steady", "sustained", "target");
    private static final List<String> SERVER_COST_FIELDS = List.of("cpuMicrosPerMessage", "cpuSeconds", "peakResidentMiB",
            "peakThreads", "residentKiBPerConnection");
    private static final List<String> SETTINGS_FIELDS = List.of("durationSeconds", "idealRule", "idleConnections",
            "jitWarmupSeconds", "offload", "pipeline", "repeat", "serverArgs", "serverCpus", "sizeBytes", "warmupSeconds", "work");

    @Test
    void theCostsOfACellAreWrittenInMicrosecondsPerMessageAndKibibytesPerConnection() throws Exception {
        ResultsWriter writer = ResultsWriter.create(out, "2026-11-30T20:00:00Z");
        // ten intervals at 100,000 msgs/s for 0.1 s: 100,000 messages; the server used 0.5 s, the client 10% of 1 s
        CellResult cell = ReportCells.settled(Mode.NIO, 1);
        CompareResult.Settings settings = new CompareResult.Settings(new CompareResult.Settings.Cells(64, 1, 0, 1, 1, 0),
                new CompareResult.Settings.Servers("none", false, 1, null, List.of()));
        writer.writeResults(new CompareResult("shout compare", MachineInfo.current(), null, 1.5, 1, 1, false,
                List.of(new CompareResult.Part(null, List.of(), "none", settings, List.of(cell)))));
        JsonNode json = new ObjectMapper().readTree(writer.directory().resolve("results.json").toFile()).at("/parts/0/cells/0");
        assertEquals(5.0, json.at("/server/cpuMicrosPerMessage").asDouble(), 0.01, json.toString());
        assertEquals(1.0, json.get("clientCpuMicrosPerMessage").asDouble(), 0.01, json.toString());
        assertEquals(12.5, json.at("/server/residentKiBPerConnection").asDouble(), 1e-9, json.toString());
        assertTrue(json.get("offeredMessagesPerSecond").isNull() && json.get("sustained").isNull(), "a closed loop offers no rate: " + json);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names.stream().sorted().toList();
    }

    private static CompareResult result(int cellsRun, boolean interrupted) {
        return new CompareResult("shout compare", MachineInfo.current(), null, 1.5, 4, cellsRun, interrupted, List.of());
    }
}
