package shout.client;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * Draws the comparison charts with XChart, each as PNG and SVG: throughput, p99 latency and server resident
 * memory against connections, one line per server, connections on a log axis. Failed cells and figures
 * that are n/a leave a gap; a chart with no point at all is not drawn.
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

    /** Writes every chart that has data into {@code dir}; returns the files written. */
    static List<Path> write(Path dir, List<CellResult> cells) throws IOException {
        List<Path> written = new ArrayList<>();
        for (Metric metric : METRICS) {
            Map<String, List<double[]>> series = series(cells, metric);
            if (series.isEmpty()) {
                continue;
            }
            XYChart chart = chart(metric, series);
            Path png = dir.resolve(metric.fileName() + ".png");
            Path svg = dir.resolve(metric.fileName() + ".svg");
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

    private static XYChart chart(Metric metric, Map<String, List<double[]>> series) {
        XYChart chart = new XYChartBuilder().width(900).height(540).title(metric.title() + " vs connections")
                .xAxisTitle("connections (log scale)").yAxisTitle(metric.yAxis() + (metric.logY() ? " (log scale)" : "")).build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(metric.logY());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        series.forEach((name, points) -> chart.addSeries(name,
                points.stream().mapToDouble(p -> p[0]).toArray(), points.stream().mapToDouble(p -> p[1]).toArray()));
        return chart;
    }
}
