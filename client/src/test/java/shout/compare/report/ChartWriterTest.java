package shout.compare.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    @TempDir
    Path dir;

    private final List<CellResult> cells = List.of(ReportCells.settled(Mode.NIO, 1), ReportCells.rising(Mode.NIO, 100),
            ReportCells.settled(Mode.NETTY, 1), ReportCells.failed(Mode.NETTY, 100));

    @Test
    void aChartWithAnUnsettledPointIsWritten() throws Exception {
        List<Path> written = ChartWriter.write(dir, "", cells);
        assertEquals(6, written.size(), written.toString());
        for (Path file : written) {
            assertTrue(Files.size(file) > 0, file.toString());
        }
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
