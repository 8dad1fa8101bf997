package shout.compare.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import shout.compare.result.CellResult;
import shout.server.Mode;

/**
 * The charts: an unsettled point is ringed, and a client-bound one boxed, by one more series each, named in the legend
 * and the title.
 */
class ChartWriterTest {

    private static final Pattern ELLIPSE = Pattern.compile("<ellipse cx=\"([^\"]+)\" cy=\"([^\"]+)\"[^>]*style=\"fill:([^;\"]+)");

    @TempDir
    Path dir;

    private final List<CellResult> cells = List.of(ReportCells.settled(Mode.NIO, 1), ReportCells.rising(Mode.NIO, 100),
            ReportCells.settled(Mode.NETTY, 1), ReportCells.failed(Mode.NETTY, 100));

    @Test
    void aChartWithAnUnsettledPointIsWrittenWithTheRingOverThatPoint() throws Exception {
        List<Path> written = ChartWriter.write(dir, "part-", cells);
        List<String> expected = ChartWriter.charts(cells).keySet().stream()
                .flatMap(name -> Stream.of("part-" + name + ".png", "part-" + name + ".svg")).toList();
        assertEquals(expected, written.stream().map(file -> file.getFileName().toString()).toList());
        assertTrue(expected.contains("part-server-cpu-per-message.svg"), "cost per message is one of the charts: " + expected);
        for (Path file : written) {
            if (file.toString().endsWith(".png")) {
                assertNotNull(ImageIO.read(file.toFile()), file + " is an image");
            } else {
                String svg = Files.readString(file);
                Set<String> ringedPoints = ellipseCentres(svg, true);
                ringedPoints.retainAll(ellipseCentres(svg, false));
                assertEquals(1, ringedPoints.size(), file + ": one point (nio at 100) has a hollow ring drawn over its marker");
            }
        }
    }

    /** The centres of the SVG's ellipses: the hollow ones (a ring) or the filled ones (a point's own marker). */
    private static Set<String> ellipseCentres(String svg, boolean hollow) {
        Set<String> centres = new HashSet<>();
        Matcher ellipse = ELLIPSE.matcher(svg);
        while (ellipse.find()) {
            if (ellipse.group(3).equals("none") == hollow) {
                centres.add(ellipse.group(1) + "," + ellipse.group(2));
            }
        }
        return centres;
    }

    @Test
    void everyChartRingsTheUnsettledPointAndSaysWhatTheRingsMean() {
        for (XYChart chart : ChartWriter.charts(cells).values()) {
            XYSeries rings = chart.getSeriesMap().get(ChartWriter.UNSETTLED_SERIES);
            assertEquals(1, rings.getXData().length, chart.getTitle());
            assertEquals(100, rings.getXData()[0]);
            assertTrue(rings.isShowInLegend());
            assertEquals(XYSeries.XYSeriesRenderStyle.Scatter, rings.getXYSeriesRenderStyle());
            assertTrue(chart.getTitle().endsWith("(ringed: not settled)"), chart.getTitle());
        }
    }

    @Test
    void withEveryCellSettledThereAreNoRings() {
        XYChart chart = ChartWriter.charts(List.of(ReportCells.settled(Mode.NIO, 1))).get("throughput");
        assertFalse(chart.getSeriesMap().containsKey(ChartWriter.UNSETTLED_SERIES));
        assertFalse(chart.getSeriesMap().containsKey(ChartWriter.CLIENT_BOUND_SERIES));
        assertEquals("Throughput vs connections", chart.getTitle());
    }

    @Test
    void poolsOfSeveralSizesAreChartedAgainstTheirThreadsWithTheIdealOfEach() throws Exception {
        List<Integer> threads = List.of(1, 4, 16, 64, 256, 1024);
        List<CellResult> pools = threads.stream()
                .map(n -> ReportCells.pool(n, 1000, Math.min(n, 1000) * 90.0, Math.min(n, 1000) * 100.0)).toList();
        XYChart throughput = ChartWriter.charts(pools).get("throughput");
        assertEquals("Throughput vs pool threads", throughput.getTitle());
        assertEquals("pool threads (log scale)", throughput.getXAxisTitle());
        assertTrue(throughput.getStyler().isXAxisLogarithmic());
        assertEquals(Set.of("pool at 1,000 connections", "ideal"), throughput.getSeriesMap().keySet());
        XYSeries pool = throughput.getSeriesMap().get("pool at 1,000 connections");
        assertEquals(List.of(1.0, 4.0, 16.0, 64.0, 256.0, 1024.0), Arrays.stream(pool.getXData()).boxed().toList());
        assertEquals(List.of(90L, 360L, 1440L, 5760L, 23040L, 90000L), Arrays.stream(pool.getYData()).mapToObj(Math::round).toList());
        XYSeries ideal = throughput.getSeriesMap().get("ideal");
        assertEquals(List.of(100L, 400L, 1600L, 6400L, 25600L, 100000L), Arrays.stream(ideal.getYData()).mapToObj(Math::round).toList(),
                "each pool size has its own ideal, min(threads, connections) / 10 ms here");
        assertEquals("p99 latency vs pool threads", ChartWriter.charts(pools).get("p99-latency").getTitle());

        List<Path> written = ChartWriter.write(dir, "part5-", pools);
        assertTrue(written.contains(dir.resolve("part5-throughput.png")), written.toString());
        assertNotNull(ImageIO.read(dir.resolve("part5-throughput.png").toFile()));
    }

    @Test
    void poolsAtSeveralConnectionCountsStayChartedAgainstConnections() {
        List<CellResult> ioLesson = List.of(ReportCells.pool(100, 1, 90, 100), ReportCells.pool(100, 1000, 9_000, 10_000),
                ReportCells.settled(Mode.NIO, 1));
        assertEquals("Throughput vs connections", ChartWriter.charts(ioLesson).get("throughput").getTitle());
    }

    @Test
    void aClientBoundPointIsBoxedNextToTheRings() {
        List<CellResult> withBound = List.of(ReportCells.rising(Mode.NIO, 100), ReportCells.clientBound(Mode.NETTY, 1000));
        XYChart chart = ChartWriter.charts(withBound).get("throughput");
        XYSeries boxes = chart.getSeriesMap().get(ChartWriter.CLIENT_BOUND_SERIES);
        assertEquals(1, boxes.getXData().length);
        assertEquals(1000, boxes.getXData()[0]);
        assertEquals(XYSeries.XYSeriesRenderStyle.Scatter, boxes.getXYSeriesRenderStyle());
        assertEquals(100, chart.getSeriesMap().get(ChartWriter.UNSETTLED_SERIES).getXData()[0]);
        assertEquals("Throughput vs connections (ringed: not settled; boxed: client-bound)", chart.getTitle());
    }
}
