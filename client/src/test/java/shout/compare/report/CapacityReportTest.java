package shout.compare.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import shout.compare.plan.LatencyTarget;
import shout.compare.plan.SearchRules;
import shout.compare.result.Capacity;
import shout.compare.result.CapacityResult;
import shout.compare.result.CompareResult;
import shout.compare.result.MachineInfo;

/** What a capacity search looks like in the report, results.json and the chart, from fabricated results. */
class CapacityReportTest {

    @TempDir
    Path out;

    private static final Capacity NIO = new Capacity("nio", 1000, 37_500.0, 12_500.0, Capacity.Verdict.FOUND, null, List.of(
            step(5_000, 900, 3_000, true), step(10_000, 950, 4_000, true), step(20_000, 1_000, 6_000, true),
            step(40_000, 9_000, 90_000, false), step(28_284, 1_100, 8_000, true), step(33_636, 1_500, 10_000, true),
            step(36_680, 2_000, 12_000, true), step(38_300, 4_000, 30_000, false)));
    private static final Capacity NETTY = new Capacity("netty", 1000, 40_000.0, 3_100.0, Capacity.Verdict.CLIENT_BOUND, null, List.of(
            step(5_000, 800, 2_000, true), step(40_000, 900, 3_100, true), step(80_000, 5_000, 50_000, false)));
    private static final CapacityResult RESULT = CapacityResult.of(new LatencyTarget(99, Duration.ofMillis(20)),
            new SearchRules(5_000), List.of(NIO, NETTY));

    @Test
    void theTableGivesEachCapacityItsPercentileAndStepsAndMarksTheClientBoundOnes() {
        String table = CapacityTable.render(RESULT);
        assertTrue(table.startsWith("Capacity at p99=20ms: the highest offered rate each server sustained (98% of it achieved) "
                + "with p99 within 20ms; searched from 5,000 msgs/s, x2 up (or down) at most 7 times, then bisected to within 5%."), table);
        assertTrue(table.contains("| server | connections | capacity msgs/s | p99 ms at capacity | steps |\n"), table);
        assertTrue(table.contains("| nio | 1000 | 37,500 | 12.5 | 8 |\n"), table);
        assertTrue(table.contains("| netty | 1000 | at least 40,000 ^ | 3.10 | 3 |\n"), table);
        assertTrue(table.contains("^ client-bound: at the last step met or the first missed, the load client was busy 90% or more"), table);
    }

    @Test
    void theChartDrawsBothLatenciesOfEachServerInOneColourAgainstOfferedRateWithTheTargetAcross() {
        XYChart chart = CapacityChart.charts(RESULT).get("capacity-latency");
        assertEquals(List.of("nio p99", "nio p50", "netty p99", "netty p50", "target p99=20ms"), List.copyOf(chart.getSeriesMap().keySet()));
        var nio = chart.getSeriesMap().get("nio p99");
        assertEquals(nio.getLineColor(), chart.getSeriesMap().get("nio p50").getLineColor());
        double[] offered = nio.getXData();
        for (int i = 1; i < offered.length; i++) {
            assertTrue(offered[i] > offered[i - 1], "in rate order, not run order");
        }
        assertEquals(List.of(20.0, 20.0), List.of(chart.getSeriesMap().get("target p99=20ms").getYData()[0],
                chart.getSeriesMap().get("target p99=20ms").getYData()[1]));
        assertEquals(List.of(5_000.0, 80_000.0), List.of(chart.getSeriesMap().get("target p99=20ms").getXData()[0],
                chart.getSeriesMap().get("target p99=20ms").getXData()[1]), "across every rate measured");
        assertTrue(chart.getStyler().isXAxisLogarithmic() && chart.getStyler().isYAxisLogarithmic());
    }

    @Test
    void reportAndResultsJsonCarryTheCapacitiesAndTheChart() throws Exception {
        ResultsWriter writer = ResultsWriter.create(out, "2026-12-07T15:00:00Z");
        CompareResult.Settings settings = new CompareResult.Settings(new CompareResult.Settings.Cells(64, 1, 1, 3, 1, 0),
                new CompareResult.Settings.Servers("none", false, 1, null, List.of()));
        String report = Files.readString(writer.writeAll(new CompareResult("shout compare --slo p99=20ms", MachineInfo.current(), null,
                1.5, 22, 11, false, List.of(new CompareResult.Part(null, List.of(), "none", settings, List.of(), RESULT)))));
        assertTrue(report.contains("| nio | 1000 | 37,500 | 12.5 | 8 |") && report.contains("![capacity-latency.png](capacity-latency.png)"),
                report);
        assertNotNull(ImageIO.read(writer.directory().resolve("capacity-latency.png").toFile()));
        var capacity = new ObjectMapper().readTree(writer.directory().resolve("results.json").toFile()).at("/parts/0/capacity");
        assertEquals("p99=20ms", capacity.get("slo").asText());
        assertEquals(20_000, capacity.get("limitMicros").asDouble());
        var netty = capacity.get("capacities").get(1);
        assertEquals(List.of("netty", "40000.0", "CLIENT_BOUND", "true", "3"), List.of(netty.get("target").asText(),
                netty.get("messagesPerSecond").asText(), netty.get("verdict").asText(), netty.get("clientBound").asText(),
                netty.get("stepsTaken").asText()));
        assertEquals(3, netty.get("steps").size());
    }

    private static Capacity.Step step(double offered, double p50Micros, double p99Micros, boolean met) {
        return new Capacity.Step(offered, met ? offered : offered * 0.8, p50Micros, p99Micros, met, false);
    }
}
