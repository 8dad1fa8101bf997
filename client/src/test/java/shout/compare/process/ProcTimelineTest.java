package shout.compare.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import shout.compare.result.ServerCost;

/** A server's cost read from made-up /proc readings: CPU over the measured window only, memory per connection. */
class ProcTimelineTest {

    private static final long MS = 1_000_000;

    /** Readings every 100 ms: idle until 200 ms, a warm-up burning a whole core, then half a core, then closing. */
    private static ProcTimeline timeline() {
        ProcTimeline timeline = new ProcTimeline();
        timeline.add(0, new ProcStat(90_000, 80_000, 20, 1_000));
        timeline.add(100 * MS, new ProcStat(90_000, 80_000, 20, 1_000));
        timeline.add(200 * MS, new ProcStat(100_000, 90_000, 30, 1_010));     // connected
        timeline.add(300 * MS, new ProcStat(100_000, 92_000, 30, 1_020));     // warm-up: 10 ticks a 100 ms
        timeline.add(400 * MS, new ProcStat(100_000, 92_000, 30, 1_025));     // measured: 5 ticks a 100 ms
        timeline.add(500 * MS, new ProcStat(100_000, 92_000, 30, 1_030));
        timeline.add(600 * MS, new ProcStat(100_000, 92_000, 30, 1_035));
        timeline.add(700 * MS, new ProcStat(110_000, 85_000, 20, 1_060));     // closing
        return timeline;
    }

    @Test
    void theCpuOfTheMeasuredWindowLeavesTheWarmupAndTheClosingOut() {
        ServerCost cost = ProcSampler.cost(timeline(), 100, 30, new MeasuredWindow(300 * MS, 600 * MS), 1_500, 100);
        assertEquals(0.15, cost.cpuSeconds(), 1e-9, "15 ticks of 10 ms");
        assertEquals(100.0, cost.cpuMicrosPerMessage(), 1e-9, "0.15 s over 1,500 messages");
        assertEquals(120.0, cost.residentKiBPerConnection(), 1e-9, "92,000 KiB at the start against 80,000 before, over 100");
        assertEquals(110_000 / 1024.0, cost.peakResidentMiB(), 1e-9);
        assertEquals(30, cost.peakThreads());
    }

    @Test
    void aWindowBetweenReadingsIsReadLinearlyBetweenThem() {
        ServerCost cost = ProcSampler.cost(timeline(), 100, 30, new MeasuredWindow(350 * MS, 550 * MS), 1_000, 100);
        assertEquals(0.10, cost.cpuSeconds(), 1e-9, "1,022.5 to 1,032.5 ticks");
        assertEquals(100.0, cost.cpuMicrosPerMessage(), 1e-9);
    }

    @Test
    void nothingMeasuredHasNoCostPerMessageOrPerConnection() {
        ServerCost cost = ProcSampler.cost(timeline(), 100, 30, new MeasuredWindow(300 * MS, 300 * MS), 0, 0);
        assertEquals(0.0, cost.cpuSeconds());
        assertNull(cost.cpuMicrosPerMessage());
        assertNull(cost.residentKiBPerConnection());
    }

    @Test
    void aWindowBeyondTheReadingsTakesTheNearestOne() {
        ServerCost cost = ProcSampler.cost(timeline(), 100, 30, new MeasuredWindow(600 * MS, 900 * MS), 100, 100);
        assertEquals(0.25, cost.cpuSeconds(), 1e-9, "1,035 to the last reading's 1,060");
    }
}
