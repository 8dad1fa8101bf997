package shout.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import shout.cli.Cli;
import shout.load.LoadReport;

/**
 * A {@code load --json} report as shout 0.1 wrote it, before LoadReport's figures were grouped into parts: it
 * reads with every figure, writes back with the same fields, and merges. A failure here is a format change.
 */
@Timeout(10)
class OldReportFormatTest {

    private static final String OLD_REPORT = "load-report-0.1.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static JsonNode oldTree() throws IOException {
        try (InputStream in = OldReportFormatTest.class.getResourceAsStream(OLD_REPORT)) {
            return JSON.readTree(in);
        }
    }

    @Test
    void readsEveryFigureOfAReportWrittenBefore() throws Exception {
        LoadReport report = JSON.treeToValue(oldTree(), LoadReport.class);
        assertEquals(new LoadReport.Run("127.0.0.1:8081", 7, false, 32, 2, "a1", "2026-12-01T10:00:00.123Z", false), report.run());
        assertEquals(new LoadReport.ConnectionCounts(4, 4, 0), report.connections());
        assertEquals(new LoadReport.Throughput(3, 3000, 1000, 0.032, 0.032, List.of(new LoadReport.Interval(0, 1, 1000, 1000),
                new LoadReport.Interval(1, 1, 1100, 1100), new LoadReport.Interval(2, 1, 900, 900))), report.throughput());
        assertEquals(new LoadReport.Client(0.42, "epoll", "0.1", "loadgen-1"), report.client());
        assertEquals(Map.of("reset", 2L), report.errors());
        assertEquals(new LoadReport.Fairness(700, 750, 800, 0), report.fairness());
        assertEquals(1253.375, report.latencyMicros().p99());
        assertEquals(3000, report.decodeLatencyHistogram().getTotalCount());
        assertEquals(new LoadReport.Settings("127.0.0.1:8081", 4, 2, new LoadReport.Settings.Rates(0, 0),
                new LoadReport.Settings.Timing(0.5, 3, 0, 1), 32, 2, "auto", 7, "upper"), report.settings(), "a report from before --expect was checked as upper");
    }

    /** Every field it was read from, and the client's CPU per message, which the report derives and never reads. */
    @Test
    void writesBackTheFieldsItWasReadFrom() throws Exception {
        JsonNode old = oldTree();
        ObjectNode expected = ((ObjectNode) old.deepCopy()).put("clientCpuMicrosPerMessage", 0.42 * 1e6 / 3000);
        ((ObjectNode) expected.get("settings")).put("expect", "upper");     // added since too: how such a run was checked
        expected.put("idleConnections", 0).put("idleConnectionsHeld", 0);   // and load --idle's counts: none held then
        assertEquals(expected, JSON.readTree(JSON.writeValueAsString(JSON.treeToValue(old, LoadReport.class))));
    }

    @Test
    void mergesAReportWrittenBefore() throws Exception {
        Path file = dir.resolve(OLD_REPORT);
        JSON.writeValue(file.toFile(), oldTree());
        Path merged = dir.resolve("merged.json");
        var err = new StringWriter();
        int code = Cli.commandLine(new MergeCommand()).setOut(new PrintWriter(new StringWriter(), true))
                .setErr(new PrintWriter(err, true)).execute(file.toString(), "--json", merged.toString());
        assertEquals(0, code, err.toString());
        LoadReport sum = JSON.readValue(Files.readString(merged), LoadReport.class);
        assertEquals(List.of(3000L, 4, 1253.375),
                List.of(sum.throughput().messages(), sum.connections().connectionsUp(), sum.latencyMicros().p99()));
    }
}
