package shout.compare.capacity;

import java.util.zip.DataFormatException;
import shout.compare.plan.LatencyTarget;
import shout.compare.result.CellResult;
import shout.compare.result.Capacity;
import shout.load.ClientLimit;
import shout.load.LoadReport;

/** Reads a measured open-loop cell as a step of the capacity search: did it meet the target, and was its client busy. */
public final class StepReading {

    private static final System.Logger LOGGER = System.getLogger(StepReading.class.getName());

    private StepReading() {
    }

    /**
     * The step {@code cell} was: met when it sustained its offered rate ({@link CellResult.Measured#sustained}) with the
     * target's percentile within the limit; client-busy when its load client was busy {@link ClientLimit#BOUND_PERCENT}
     * or more of its cores (its lateness alone is not counted: it is in the latency the target judges).
     */
    public static Capacity.Step of(CellResult.Measured cell, LatencyTarget target) {
        LoadReport load = cell.load();
        double percentile = percentileMicros(load, target.percentile());
        boolean met = Boolean.TRUE.equals(cell.sustained()) && percentile <= target.limitMicros();
        boolean clientBusy = cell.client() != null && cell.client().busyPercent() >= ClientLimit.BOUND_PERCENT;
        return new Capacity.Step(cell.id().offeredMessagesPerSecond(), load.throughput().messagesPerSecond(),
                load.latencyMicros().p50(), percentile, met, clientBusy);
    }

    /**
     * The latency at {@code percentile}, in µs: from the report's histogram, else the nearest percentile the report
     * lists at or above it (p50, p90, p99, p99.9, then the maximum), which never reads better than the truth.
     */
    static double percentileMicros(LoadReport load, double percentile) {
        if (load.latencyHistogramNanos() != null) {
            try {
                return load.decodeLatencyHistogram().getValueAtPercentile(percentile) / 1e3;
            } catch (DataFormatException e) {
                LOGGER.log(System.Logger.Level.WARNING, "unreadable latency histogram, using the listed percentiles: " + e.getMessage());
            }
        }
        LoadReport.Latency listed = load.latencyMicros();
        return percentile <= 50 ? listed.p50() : percentile <= 90 ? listed.p90() : percentile <= 99 ? listed.p99()
                : percentile <= 99.9 ? listed.p999() : listed.max();
    }
}
