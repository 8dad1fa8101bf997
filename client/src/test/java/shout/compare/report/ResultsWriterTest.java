package shout.compare.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shout.compare.result.CompareResult;
import shout.compare.result.MachineInfo;

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

    private static CompareResult result(int cellsRun, boolean interrupted) {
        return new CompareResult("shout compare", MachineInfo.current(), null, 1.5, 4, cellsRun, interrupted, List.of());
    }
}
