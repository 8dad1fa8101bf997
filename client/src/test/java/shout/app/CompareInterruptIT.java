package shout.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code shout compare} from the packaged jar, stopped with SIGTERM in its second cell: results.json already
 * held the first cell before the signal, and afterwards the run exits 143 (128 + SIGTERM's 15) with its finished cells kept and marked
 * interrupted, its servers stopped by SIGTERM (nothing left for the final kill) and its in-process load stopped.
 */
@Timeout(120)
class CompareInterruptIT {

    private static final Path JAR = Path.of("target", "shout.jar").toAbsolutePath();

    @TempDir
    Path work;

    @Test
    void sigtermKeepsTheFinishedCellsMarkedInterruptedStopsEveryChildAndExits143() throws Exception {
        assertTrue(Files.isRegularFile(JAR), JAR + " is missing: run the package phase first");
        Path out = work.resolve("results");
        Path log = work.resolve("compare.log");
        Process compare = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString(),
                "compare", "--modes", "nio,virtual", "--connections", "1,10", "--warmup", "200ms", "--duration", "1s",
                "--out", out.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> resultsJson(out).map(CompareInterruptIT::finishedCells).orElse(0) >= 1);
            // both servers run, one for each row, for all their cells
            await().atMost(Duration.ofSeconds(30)).until(() -> compare.descendants().filter(ProcessHandle::isAlive).count() >= 2);
            List<ProcessHandle> children = compare.descendants().toList();
            compare.toHandle().destroy();

            assertTrue(compare.waitFor(20, TimeUnit.SECONDS), "compare stopped; it said:\n" + Files.readString(log));
            String said = Files.readString(log);
            assertEquals(143, compare.exitValue(), said);
            await().atMost(Duration.ofSeconds(5)).until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
            assertFalse(said.contains("killing child process"), "every child ended on its SIGTERM:\n" + said);

            JsonNode results = read(resultsJson(out).orElseThrow());
            assertTrue(results.get("interrupted").asBoolean(), results.toString());
            int run = results.get("cellsRun").asInt();
            assertEquals(4, results.get("cellsPlanned").asInt(), results.toString());
            assertTrue(run >= 1 && run < 4, results.toString());
            assertEquals(run, finishedCells(results), "the cell under way is not a result: " + results);
            for (JsonNode cell : results.at("/parts/0/cells")) {
                assertTrue(cell.get("failure").isNull(), cell.toString());
            }
            String line = "interrupted after " + run + " of 4 cells";
            assertTrue(said.contains(line), said);
            Path report = resultsJson(out).orElseThrow().resolveSibling("report.md");
            assertTrue(Files.readString(report).contains(line), Files.readString(report));
        } finally {
            compare.descendants().forEach(ProcessHandle::destroyForcibly);
            compare.destroyForcibly();
        }
    }

    /** OUT/<timestamp>/results.json once written. */
    private static Optional<Path> resultsJson(Path out) throws IOException {
        if (!Files.isDirectory(out)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(out)) {
            return dirs.map(dir -> dir.resolve("results.json")).filter(Files::isRegularFile).findFirst();
        }
    }

    /** Parsed as it is, never half-written: a parse error fails the wait. */
    private static int finishedCells(Path resultsJson) {
        return finishedCells(read(resultsJson));
    }

    private static int finishedCells(JsonNode results) {
        int cells = 0;
        for (JsonNode part : results.get("parts")) {
            cells += part.get("cells").size();
        }
        return cells;
    }

    private static JsonNode read(Path json) {
        try {
            return new ObjectMapper().readTree(json.toFile());
        } catch (IOException e) {
            throw new AssertionError("cannot read " + json, e);
        }
    }
}
