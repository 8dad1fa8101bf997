package shout.compare.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;
import shout.compare.plan.ComparePlan;
import shout.compare.result.CellResult;
import shout.compare.result.CompareResult;

/**
 * Draws the comparison charts with XChart, each as PNG and SVG: throughput, p99 latency, server resident
 * memory and server CPU per message against connections, one line per server (and offered rate, for open-loop
 * cells), connections on a log axis; or, for pools of several sizes, against their threads (see {@link ChartAxis}).
 * Failed cells and figures that are n/a leave a gap; a chart with no point at all is not drawn. When cells have an ideal, the
 * throughput chart gets one more line, {@code ideal}. Cells that had not settled (see {@link CellResult#unsettled})
 * are ringed: one more series, {@value #UNSETTLED_SERIES}, draws a hollow ring over each of their points, and the
 * legend names it and the title says so. Cells whose load client was busy all the time (see
 * {@link CellResult#clientBound}) are boxed the same way, by the series {@value #CLIENT_BOUND_SERIES}.
 */
final class ChartWriter {

    /** One chart: a file name, labels, and the figure of a measured cell (null when n/a). */
    private record Metric(String fileName, String title, String yAxis, boolean logY, Function<CellResult.Measured, Double> value) {
    }

    private static final List<Metric> METRICS = List.of(
            new Metric("throughput", "Throughput", "messages per second", false, c -> c.load().throughput().messagesPerSecond()),
            new Metric("p99-latency", "p99 latency", "p99 round trip (ms)", true, c -> c.load().latencyMicros().p99() / 1000.0),
            new Metric("server-memory", "Server peak resident memory", "VmHWM (MiB)", false,
                    c -> c.server() == null ? null : c.server().peakResidentMiB()),
            new Metric("server-cpu-per-message", "Server CPU per message", "server CPU (us per message)", false,
                    c -> c.server() == null ? null : c.server().cpuMicrosPerMessage()));

    /** The legend entry of the rings around points whose cells had not settled. */
    static final String UNSETTLED_SERIES = "not settled";
    /** The legend entry of the boxes around points whose load client was busy all the time. */
    static final String CLIENT_BOUND_SERIES = "client-bound";

    private ChartWriter() {
    }

    /**
     * Writes every chart of {@code part} that has data into {@code dir}, file names starting with {@code prefix}; returns
     * the files written. A capacity search gets its latency against offered rate ({@link CapacityChart}) instead of the
     * charts against connections, on which each of its steps would be a line of one point.
     */
    static List<Path> write(Path dir, String prefix, CompareResult.Part part) throws IOException {
        return part.capacity() != null ? save(dir, prefix, CapacityChart.charts(part.capacity())) : write(dir, prefix, part.cells());
    }

    /** Writes every chart of {@code cells} that has data, against connections or pool threads ({@link ChartAxis}); returns the files written. */
    static List<Path> write(Path dir, String prefix, List<CellResult> cells) throws IOException {
        return save(dir, prefix, charts(cells));
    }

    private static List<Path> save(Path dir, String prefix, Map<String, XYChart> charts) throws IOException {
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, XYChart> named : charts.entrySet()) {
            XYChart chart = named.getValue();
            Path png = dir.resolve(prefix + named.getKey() + ".png");
            Path svg = dir.resolve(prefix + named.getKey() + ".svg");
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

    /** The charts that have data, by file name without extension, in {@link #METRICS} order. */
    static Map<String, XYChart> charts(List<CellResult> cells) {
        Map<String, XYChart> charts = new LinkedHashMap<>();
        ChartAxis axis = ChartAxis.of(cells);
        for (Metric metric : METRICS) {
            Map<String, List<double[]>> series = series(cells, metric, axis);
            if (series.isEmpty()) {
                continue;
            }
            if (metric.fileName().equals("throughput")) {
                series.putAll(idealSeries(cells, axis));
            }
            List<double[]> unsettled = points(cells.stream().filter(CellResult::unsettled).toList(), metric, axis);
            List<double[]> clientBound = points(cells.stream().filter(CellResult::clientBound).toList(), metric, axis);
            charts.put(metric.fileName(), chart(metric, axis, series, unsettled, clientBound));
        }
        return charts;
    }

    /** Points (x, value) per line, in table order; log axes only take positive values. */
    private static Map<String, List<double[]>> series(List<CellResult> cells, Metric metric, ChartAxis axis) {
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        for (CellResult cell : cells) {
            point(cell, metric, axis).ifPresent(p -> series.computeIfAbsent(axis.lineName(cell), name -> new ArrayList<>()).add(p));
        }
        return series;
    }

    /** The points of {@code cells} that the chart draws, in order. */
    private static List<double[]> points(List<CellResult> cells, Metric metric, ChartAxis axis) {
        return cells.stream().flatMap(c -> point(c, metric, axis).stream()).toList();
    }

    private static Optional<double[]> point(CellResult cell, Metric metric, ChartAxis axis) {
        Double value = cell instanceof CellResult.Measured measured ? metric.value().apply(measured) : null;
        return value != null && (!metric.logY() || value > 0)
                ? Optional.of(new double[] {axis.x(cell), value}) : Optional.empty();
    }

    /** The ideal at each point of the x-axis, once, when cells have one; else nothing. */
    private static Map<String, List<double[]>> idealSeries(List<CellResult> cells, ChartAxis axis) {
        Map<Integer, Double> byX = new TreeMap<>();
        cells.stream().filter(c -> c.remarks().idealMessagesPerSecond() != null)
                .forEach(c -> byX.putIfAbsent(axis.x(c), c.remarks().idealMessagesPerSecond()));
        if (byX.isEmpty()) {
            return Map.of();
        }
        return Map.of(ComparePlan.IDEAL_ROW, byX.entrySet().stream().map(e -> new double[] {e.getKey(), e.getValue()}).toList());
    }

    private static XYChart chart(Metric metric, ChartAxis axis, Map<String, List<double[]>> series, List<double[]> unsettled,
                                 List<double[]> clientBound) {
        List<String> marks = new ArrayList<>();
        if (!unsettled.isEmpty()) {
            marks.add("ringed: not settled");
        }
        if (!clientBound.isEmpty()) {
            marks.add("boxed: client-bound");
        }
        String title = metric.title() + " vs " + axis.title() + (marks.isEmpty() ? "" : " (" + String.join("; ", marks) + ")");
        XYChart chart = frame(title, axis.title(), metric.yAxis(), metric.logY());
        series.forEach((name, points) -> {
            XYSeries line = chart.addSeries(name,
                    points.stream().mapToDouble(p -> p[0]).toArray(), points.stream().mapToDouble(p -> p[1]).toArray());
            if (name.equals(ComparePlan.IDEAL_ROW)) {
                line.setMarker(SeriesMarkers.NONE);
                line.setLineStyle(SeriesLines.DASH_DASH);
                line.setLineColor(Color.BLACK);
            }
        });
        // added last, so the rings and boxes are drawn over the lines' own markers
        annotate(chart, UNSETTLED_SERIES, unsettled, Outline.RING);
        annotate(chart, CLIENT_BOUND_SERIES, clientBound, Outline.BOX);
        return chart;
    }

    /** An empty chart of the house style: x on a log axis, the legend outside on the right, no 1E4 on the axes. */
    static XYChart frame(String title, String xAxis, String yAxis, boolean logY) {
        XYChart chart = new XYChartBuilder().width(900).height(540).title(title)
                .xAxisTitle(xAxis + " (log scale)").yAxisTitle(yAxis + (logY ? " (log scale)" : "")).build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(logY);
        if (!logY) {
            chart.getStyler().setYAxisMin(0.0); // a linear axis that starts above zero makes small gaps look large
        }
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setXAxisDecimalPattern("#,###");   // 10,000 rather than 1E4
        chart.getStyler().setYAxisDecimalPattern("#,###.##");
        return chart;
    }

    /** One more series that draws {@code marker} over each of {@code points}, when there are any. */
    private static void annotate(XYChart chart, String name, List<double[]> points, Marker marker) {
        if (points.isEmpty()) {
            return;
        }
        XYSeries marks = chart.addSeries(name,
                points.stream().mapToDouble(p -> p[0]).toArray(), points.stream().mapToDouble(p -> p[1]).toArray());
        marks.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        marks.setMarker(marker);
        marks.setMarkerColor(Color.BLACK);        // no server's colour: an annotation, not a row
    }

    /** A ring or a box twice a marker's size around a point, so the point's own marker stays visible inside it. */
    private static final class Outline extends Marker {
        private static final BasicStroke STROKE = new BasicStroke(2f);

        /** Makes the outline's shape from its top-left corner, width and height. */
        private interface Frame {
            Shape around(double x, double y, double width, double height);
        }

        static final Outline RING = new Outline(Ellipse2D.Double::new);
        static final Outline BOX = new Outline(Rectangle2D.Double::new);

        private final Frame frame;

        private Outline(Frame frame) {
            this.frame = frame;
        }

        @Override
        public void paint(Graphics2D graphics, double x, double y, int markerSize) {
            double size = 2.0 * markerSize;
            graphics.setStroke(STROKE);
            graphics.draw(frame.around(x - size / 2, y - size / 2, size, size));
        }
    }
}
