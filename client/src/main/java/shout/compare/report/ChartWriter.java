package shout.compare.report;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import shout.compare.plan.ComparePlan;
import shout.compare.result.CellResult;

/**
 * Draws the comparison charts with XChart, each as PNG and SVG: throughput, p99 latency and server resident
 * memory against connections, one line per server, connections on a log axis. Failed cells and figures
 * that are n/a leave a gap; a chart with no point at all is not drawn. When cells have an ideal, the
 * throughput chart gets one more line, {@code ideal}.
 */
final class ChartWriter {

    /** One chart: a file name, labels, and the figure of a measured cell (null when n/a). */
    private record Metric(String fileName, String title, String yAxis, boolean logY, Function<CellResult, Double> value) {
    }

    private static final List<Metric> METRICS = List.of(
            new Metric("throughput", "Throughput", "messages per second", false, c -> c.load().messagesPerSecond()),
            new Metric("p99-latency", "p99 latency", "p99 round trip (ms)", true, c -> c.load().latencyMicros().p99() / 1000.0),
            new Metric("server-memory", "Server peak resident memory", "VmHWM (MiB)", false,
                    c -> c.server() == null ? null : c.server().peakResidentMiB()));

    private ChartWriter() {
    }

    /** Writes every chart that has data into {@code dir}, file names starting with {@code prefix}; returns the files written. */
    static List<Path> write(Path dir, String prefix, List<CellResult> cells) throws IOException {
        List<Path> written = new ArrayList<>();
        for (Metric metric : METRICS) {
            Map<String, List<double[]>> series = series(cells, metric);
            if (series.isEmpty()) {
                continue;
            }
            if (metric.fileName().equals("throughput")) {
                series.putAll(idealSeries(cells));
            }
            XYChart chart = chart(metric, series);
            Path png = dir.resolve(prefix + metric.fileName() + ".png");
            Path svg = dir.resolve(prefix + metric.fileName() + ".svg");
            try (OutputStream out = Files.newOutputStream(png)) {
                BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
            }
            try (OutputStream out = Files.newOutputStream(svg)) {
                VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            }
            written.addAll(List.of(png, svg));
        }
        return written;
    }

    /** Points (connections, value) per server, in table order; log axes only take positive values. */
    private static Map<String, List<double[]>> series(List<CellResult> cells, Metric metric) {
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        for (CellResult cell : cells) {
            Double value = cell.ok() ? metric.value().apply(cell) : null;
            if (value != null && (!metric.logY() || value > 0)) {
                series.computeIfAbsent(cell.target(), name -> new ArrayList<>()).add(new double[] {cell.connections(), value});
            }
        }
        return series;
    }

    /** The ideal at each connection count, once, when cells have one; else nothing. */
    private static Map<String, List<double[]>> idealSeries(List<CellResult> cells) {
        Map<Integer, Double> byConnections = new TreeMap<>();
        cells.stream().filter(c -> c.idealMessagesPerSecond() != null)
                .forEach(c -> byConnections.putIfAbsent(c.connections(), c.idealMessagesPerSecond()));
        if (byConnections.isEmpty()) {
            return Map.of();
        }
        return Map.of(ComparePlan.IDEAL_ROW, byConnections.entrySet().stream().map(e -> new double[] {e.getKey(), e.getValue()}).toList());
    }

    private static XYChart chart(Metric metric, Map<String, List<double[]>> series) {
        XYChart chart = new XYChartBuilder().width(900).height(540).title(metric.title() + " vs connections")
                .xAxisTitle("connections (log scale)").yAxisTitle(metric.yAxis() + (metric.logY() ? " (log scale)" : "")).build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(metric.logY());
        if (!metric.logY()) {
            chart.getStyler().setYAxisMin(0.0); // a linear axis that starts above zero makes small gaps look large
        }
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setXAxisDecimalPattern("#,###");   // 10,000 rather than 1E4
        chart.getStyler().setYAxisDecimalPattern("#,###.##");
        series.forEach((name, points) -> {
            XYSeries line = chart.addSeries(name,
                    points.stream().mapToDouble(p -> p[0]).toArray(), points.stream().mapToDouble(p -> p[1]).toArray());
            if (name.equals(ComparePlan.IDEAL_ROW)) {
                line.setMarker(SeriesMarkers.NONE);
                line.setLineStyle(SeriesLines.DASH_DASH);
                line.setLineColor(Color.BLACK);
            }
        });
        return chart;
    }
}
