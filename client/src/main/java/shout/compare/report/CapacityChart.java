package shout.compare.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import shout.compare.result.Capacity;
import shout.compare.result.CapacityResult;

/**
 * The hockey stick of a capacity search: latency (the target's percentile, solid, and the median, dashed, in the same
 * colour) against offered rate, one pair of lines per server, both axes logarithmic, and the target as a horizontal
 * black line. One chart per connection count.
 */
final class CapacityChart {

    /** The file name of the chart, with {@code -N} for N connections when the search had several counts. */
    static final String FILE_NAME = "capacity-latency";

    private CapacityChart() {
    }

    /** The charts of {@code result} that have points, by file name without extension. */
    static Map<String, XYChart> charts(CapacityResult result) {
        Map<Integer, List<Capacity>> byConnections = new TreeMap<>();
        result.capacities().forEach(c -> byConnections.computeIfAbsent(c.connections(), n -> new ArrayList<>()).add(c));
        Map<String, XYChart> charts = new LinkedHashMap<>();
        byConnections.forEach((connections, capacities) -> {
            if (capacities.stream().anyMatch(c -> !c.steps().isEmpty())) {
                charts.put(byConnections.size() == 1 ? FILE_NAME : FILE_NAME + "-" + connections, chart(result, connections, capacities));
            }
        });
        return charts;
    }

    private static XYChart chart(CapacityResult result, int connections, List<Capacity> capacities) {
        XYChart chart = ChartWriter.frame("Latency vs offered rate, " + connections + " connections, target " + result.slo(),
                "offered msgs/s", "latency (ms)", true);
        Color[] colors = chart.getStyler().getSeriesColors();
        int row = 0;
        for (Capacity capacity : capacities) {
            List<Capacity.Step> steps = capacity.steps().stream()
                    .sorted(Comparator.comparingDouble(Capacity.Step::offeredMessagesPerSecond)).toList();
            Color color = colors[row++ % colors.length];
            line(chart, capacity.target() + " " + result.percentileName(), steps, Capacity.Step::percentileMicros, color, SeriesLines.SOLID);
            if (result.percentile() != 50) {
                line(chart, capacity.target() + " p50", steps, Capacity.Step::p50Micros, color, SeriesLines.DASH_DASH);
            }
        }
        DoubleSummaryStatistics offered = capacities.stream().flatMap(c -> c.steps().stream())
                .mapToDouble(Capacity.Step::offeredMessagesPerSecond).summaryStatistics();
        double limitMillis = result.limitMicros() / 1e3;
        XYSeries target = chart.addSeries("target " + result.slo(), new double[] {offered.getMin(), offered.getMax()},
                new double[] {limitMillis, limitMillis});
        target.setMarker(SeriesMarkers.NONE);
        target.setLineColor(Color.BLACK);
        target.setLineStyle(SeriesLines.DOT_DOT);
        return chart;
    }

    /** A server's line of one latency over its steps; points at 0 ms, which a log axis cannot show, are left out. */
    private static void line(XYChart chart, String name, List<Capacity.Step> steps, ToDoubleFunction<Capacity.Step> micros,
                             Color color, BasicStroke style) {
        List<Capacity.Step> drawn = steps.stream().filter(s -> micros.applyAsDouble(s) > 0).toList();
        if (drawn.isEmpty()) {
            return;
        }
        XYSeries series = chart.addSeries(name, drawn.stream().mapToDouble(Capacity.Step::offeredMessagesPerSecond).toArray(),
                drawn.stream().mapToDouble(s -> micros.applyAsDouble(s) / 1e3).toArray());
        series.setLineColor(color);
        series.setMarkerColor(color);
        series.setLineStyle(style);
    }
}
