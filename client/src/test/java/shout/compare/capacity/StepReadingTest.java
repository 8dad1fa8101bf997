package shout.compare.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import shout.compare.plan.LatencyTarget;
import shout.compare.result.Capacity;
import shout.compare.result.CellResult;
import shout.load.ClientLimit;
import shout.load.LoadReport;
import shout.load.OpenLoopTimes;
import shout.load.Steadiness;

/** How a measured open-loop cell reads as a step: met, client-busy, and the percentile the target names. */
class StepReadingTest {

    private static final LatencyTarget P99_20MS = new LatencyTarget(99, Duration.ofMillis(20));

    @Test
    void aStepMeetsTheTargetOnlyWhenItSustainedItsRateWithThePercentileWithin() {
        assertEquals(true, StepReading.of(cell(10_000, 9_900, 19_000, null, 50), P99_20MS).met());
        assertEquals(false, StepReading.of(cell(10_000, 9_700, 19_000, null, 50), P99_20MS).met(), "below 98% of the offered rate");
        assertEquals(false, StepReading.of(cell(10_000, 10_000, 21_000, null, 50), P99_20MS).met(), "p99 beyond the target");
    }

    @Test
    void aStepIsClientBusyFromNinetyPercentOfItsCores() {
        assertEquals(true, StepReading.of(cell(10_000, 10_000, 1_000, null, ClientLimit.BOUND_PERCENT), P99_20MS).clientBound());
        assertEquals(false, StepReading.of(cell(10_000, 10_000, 1_000, null, 89), P99_20MS).clientBound());
    }

    @Test
    void aSustainedMissWhoseServiceTimeMetTheTargetIsTheClientsLateSendingNotTheServer() {
        assertEquals(true, StepReading.of(openLoopCell(10_000, 10_000, 36_000, 13_000), P99_20MS).clientBound(),
                "sustained, p99 36 ms from the schedule but 13 ms from each actual send");
        assertEquals(false, StepReading.of(openLoopCell(10_000, 10_000, 36_000, 25_000), P99_20MS).clientBound(),
                "the server's own part missed too");
        assertEquals(false, StepReading.of(openLoopCell(10_000, 9_000, 36_000, 13_000), P99_20MS).clientBound(),
                "not sustained: the server fell behind and the client held sends back for it");
        assertEquals(false, StepReading.of(openLoopCell(10_000, 10_000, 15_000, 13_000), P99_20MS).clientBound(), "met");
    }

    @Test
    void anyPercentileIsReadFromTheHistogramElseFromTheNextListedOneAbove() {
        Histogram nanos = new Histogram(3);
        for (int micros = 1; micros <= 1000; micros++) {
            nanos.recordValue(micros * 1000L);
        }
        LatencyTarget p97 = new LatencyTarget(97, Duration.ofMillis(1));
        Capacity.Step fromHistogram = StepReading.of(cell(10_000, 10_000, 5_000, LoadReport.encode(nanos), 10), p97);
        assertEquals(970, fromHistogram.percentileMicros(), 1);
        assertEquals(5_000, StepReading.of(cell(10_000, 10_000, 5_000, null, 10), p97).percentileMicros(), "p99 stands in for p97");
    }

    /** As {@link #cell}, with a client 50% busy and a service time (from each actual send) of p99 {@code serviceP99Micros}. */
    private static CellResult.Measured openLoopCell(double offered, double achieved, double p99Micros, double serviceP99Micros) {
        CellResult.Measured plain = cell(offered, achieved, p99Micros, null, 50);
        LoadReport load = plain.load();
        LoadReport withTimes = new LoadReport(load.run(), load.connections(), load.throughput(), load.latencyMicros(), load.errors(),
                load.fairness(), load.client(), load.settings(), null, OpenLoopTimes.of(nanos(serviceP99Micros), nanos(serviceP99Micros)));
        return new CellResult.Measured(plain.id(), withTimes, null, null, plain.steady(), plain.client(), plain.repeats(), plain.remarks());
    }

    /** A histogram of one value, in ns: every percentile of it is {@code micros}. */
    private static Histogram nanos(double micros) {
        Histogram histogram = new Histogram(3);
        histogram.recordValue((long) (micros * 1000));
        return histogram;
    }

    /** A one-second open-loop cell offered {@code offered} msgs/s that achieved {@code achieved}, p99 as given, client busy {@code busyPercent}. */
    private static CellResult.Measured cell(double offered, double achieved, double p99Micros, String histogram, double busyPercent) {
        LoadReport load = new LoadReport(new LoadReport.Run("127.0.0.1:1", 1, true, 64, 1, null, "2026-12-07T00:00:00Z", false),
                new LoadReport.ConnectionCounts(10, 10, 0),
                new LoadReport.Throughput(1, (long) achieved, achieved, 1, 1, List.of()),
                new LoadReport.Latency(p99Micros / 4, p99Micros / 2, p99Micros, p99Micros * 2, p99Micros * 3, p99Micros / 3),
                Map.of(), new LoadReport.Fairness(1, 1, 1, 0), new LoadReport.Client(busyPercent / 100, "nio", "test", "localhost"),
                null, histogram);
        return new CellResult.Measured(new CellResult.Id("nio", false, 10, "upper", offered), load, null, null,
                Steadiness.of(List.of()), new ClientLimit(busyPercent, 1, 0, busyPercent >= ClientLimit.BOUND_PERCENT), List.of(achieved),
                new CellResult.Remarks(null, null, null));
    }
}
