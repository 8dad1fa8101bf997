package shout.compare.capacity;

import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;
import shout.compare.plan.LatencyTarget;
import shout.compare.result.CellResult;
import shout.compare.result.Capacity;
import shout.load.ClientLimit;
import shout.load.LoadReport;
import shout.load.OpenLoopTimes;

/** Reads a measured open-loop cell as a step of the capacity search: did it meet the target, and did its client limit it. */
public final class StepReading {

    private static final System.Logger LOGGER = System.getLogger(StepReading.class.getName());

    private StepReading() {
    }

    /**
     * The step {@code cell} was: met when it sustained its offered rate ({@link CellResult.Measured#sustained}) with the
     * target's percentile within the limit. Client-bound when its load client was busy {@link ClientLimit#BOUND_PERCENT}
     * or more of its cores, or when it sustained its rate and the server answered within the target from each actual
     * send (the service time) while the latency from the schedule missed: the client sent late, not the server.
     */
    public static Capacity.Step of(CellResult.Measured cell, LatencyTarget target) {
        LoadReport load = cell.load();
        double percentile = percentileMicros(load, target.percentile());
        boolean sustained = Boolean.TRUE.equals(cell.sustained());
        boolean met = sustained && percentile <= target.limitMicros();
        boolean sentLate = sustained && !met && serviceTimeMicros(load, target.percentile()) <= target.limitMicros();
        boolean clientBound = sentLate || cell.client() != null && cell.client().busyPercent() >= ClientLimit.BOUND_PERCENT;
        return new Capacity.Step(cell.id().offeredMessagesPerSecond(), load.throughput().messagesPerSecond(),
                load.latencyMicros().p50(), percentile, met, clientBound);
    }

    /**
     * The latency at {@code percentile}, in µs: from the report's histogram, else the nearest percentile the report
     * lists at or above it (p50, p90, p99, p99.9, then the maximum), which never reads better than the truth.
     */
    static double percentileMicros(LoadReport load, double percentile) {
        return percentileMicros(load.latencyHistogramNanos() == null ? null : load::decodeLatencyHistogram,
                load.latencyMicros(), percentile);
    }

    /** The service time at {@code percentile}, in µs, read as {@link #percentileMicros}; infinite where none was measured. */
    static double serviceTimeMicros(LoadReport load, double percentile) {
        OpenLoopTimes times = load.openLoopTimes();
        if (times == null || times.serviceTimeMicros() == null) {
            return Double.POSITIVE_INFINITY;
        }
        return percentileMicros(times.serviceTimeHistogramNanos() == null ? null : times::decodeServiceTime,
                times.serviceTimeMicros(), percentile);
    }

    private interface HistogramSource {
        Histogram decode() throws DataFormatException;
    }

    private static double percentileMicros(HistogramSource histogram, LoadReport.Latency listed, double percentile) {
        if (histogram != null) {
            try {
                return histogram.decode().getValueAtPercentile(percentile) / 1e3;
            } catch (DataFormatException e) {
                LOGGER.log(System.Logger.Level.WARNING, "unreadable latency histogram, using the listed percentiles: " + e.getMessage());
            }
        }
        return percentile <= 50 ? listed.p50() : percentile <= 90 ? listed.p90() : percentile <= 99 ? listed.p99()
                : percentile <= 99.9 ? listed.p999() : listed.max();
    }
}
