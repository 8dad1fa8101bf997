package shout.load.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import shout.load.LoadReport;
import shout.server.EchoServer;
import shout.server.Mode;
import shout.server.ServerConfig;
import shout.server.app.Servers;

/** {@code --tag NAME} names a run among merged ones: in the JSON, on every HdrHistogram log line, in the summary. */
@Timeout(20)
class LoadTagTest {

    @TempDir
    Path dir;

    private LoadRun run(String... extra) throws Exception {
        try (EchoServer server = Servers.start(Mode.NIO, ServerConfig.ephemeral())) {
            List<String> args = new ArrayList<>(List.of("127.0.0.1:" + server.port(), "-c", "2", "-t", "1", "-d", "1200ms",
                    "--warmup", "0", "--quiet", "--json", "" + dir.resolve("run.json"), "--hdr-log", "" + dir.resolve("run.hlog")));
            args.addAll(List.of(extra));
            LoadRun run = LoadRun.of(args.toArray(String[]::new));
            assertEquals(0, run.exitCode(), run.err());
            return run;
        }
    }

    /** The interval lines of an HdrHistogram log: neither a comment nor the legend. */
    private List<String> intervalLines() throws Exception {
        return Files.readAllLines(dir.resolve("run.hlog")).stream()
                .filter(line -> !line.startsWith("#") && !line.startsWith("\"")).toList();
    }

    @Test
    void theTagIsInTheJsonOnEveryLogLineAndInTheSummary() throws Exception {
        LoadRun run = run("--tag", "east-1");
        LoadReport report = new ObjectMapper().readValue(dir.resolve("run.json").toFile(), LoadReport.class);
        assertEquals("east-1", report.run().tag());
        List<String> lines = intervalLines();
        assertTrue(lines.size() >= 2, "one interval a second and the last one: " + lines);
        lines.forEach(line -> assertTrue(line.startsWith("Tag=east-1,"), line));
        assertTrue(run.out().lines().anyMatch(line -> line.startsWith("target") && line.contains(" (tag east-1), ")), run.out());

        HistogramLogReader reader = new HistogramLogReader(dir.resolve("run.hlog").toFile());
        long total = 0;
        for (EncodableHistogram histogram; (histogram = reader.nextIntervalHistogram()) != null; ) {
            assertEquals("east-1", histogram.getTag());
            total += ((org.HdrHistogram.Histogram) histogram).getTotalCount();
        }
        assertEquals(report.throughput().messages(), total);
    }

    @Test
    void withoutATagNothingIsTagged() throws Exception {
        LoadRun run = run();
        assertNull(new ObjectMapper().readValue(dir.resolve("run.json").toFile(), LoadReport.class).run().tag());
        intervalLines().forEach(line -> assertFalse(line.startsWith("Tag="), line));
        assertFalse(run.out().contains("(tag "), run.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "east,1", "east 1", "east\t1"})
    void aTagThatWouldBreakTheLogFormatIsOneLineAndExitTwo(String tag) {
        LoadRun run = LoadRun.of("127.0.0.1:1", "--tag", tag);
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().startsWith("error: tag must be a non-empty word without commas or whitespace"), run.err());
    }
}
