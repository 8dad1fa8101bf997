package shout.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** Whether a run measured its load client: its CPU time against the cores its threads could use. */
class ClientLimitTest {

    /** A run of {@code seconds} measured, its client using {@code cpuSeconds}, with {@code threads} load threads. */
    static LoadReport run(double seconds, double cpuSeconds, int threads) {
        LoadReport.Settings settings = new LoadReport.Settings("127.0.0.1:1", 100, threads, new LoadReport.Settings.Rates(0, 0),
                new LoadReport.Settings.Timing(0, seconds, 0, 1.0), 64, 1, "auto", 1, "upper");
        return new LoadReport(new LoadReport.Run("127.0.0.1:1", 1, false, 64, 1, null, "2026-12-02T00:00:00Z", false),
                new LoadReport.ConnectionCounts(100, 100, 0),
                new LoadReport.Throughput(seconds, 100_000, 100_000 / Math.max(seconds, 1e-9), 1, 1, List.of()),
                new LoadReport.Latency(1, 1, 1, 1, 1, 1), Map.of(), new LoadReport.Fairness(1, 1, 1, 0),
                new LoadReport.Client(cpuSeconds, "epoll", "test", "localhost"), settings, null);
    }

    @Test
    void oneThreadBusyNinetySevenPercentOfItsCoreIsClientBound() {
        ClientLimit limit = ClientLimit.of(run(5, 4.85, 1), 2);
        assertEquals(97, limit.busyPercent(), 1e-9);
        assertEquals(1, limit.cores(), "one thread uses one core, however many the machine has");
        assertTrue(limit.bound());
        assertEquals("the load client was busy 97% of the 1 core it could use", limit.describe());
    }

    @Test
    void aClientThatWaitedForTheServerHalfTheTimeIsNot() {
        ClientLimit limit = ClientLimit.of(run(5, 2.5, 1), 1);
        assertEquals(50, limit.busyPercent(), 1e-9);
        assertFalse(limit.bound());
    }

    @Test
    void theCoresAreItsThreadsAtMostTheCpusItMayUse() {
        ClientLimit fourOnTwo = ClientLimit.of(run(1, 1.9, 4), 2);
        assertEquals(2, fourOnTwo.cores());
        assertEquals(95, fourOnTwo.busyPercent(), 1e-9);
        assertTrue(fourOnTwo.bound());
        assertEquals("the load client was busy 95% of the 2 cores it could use", fourOnTwo.describe());
        ClientLimit fourOnEight = ClientLimit.of(run(1, 1.9, 4), 8);
        assertEquals(4, fourOnEight.cores());
        assertFalse(fourOnEight.bound(), "1.9 of 4 cores: " + fourOnEight);
    }

    @Test
    void exactlyAtTheBoundCountsAsBound() {
        assertTrue(ClientLimit.of(run(10, 9, 1), 1).bound());
        assertFalse(ClientLimit.of(run(10, 8.99, 1), 1).bound());
    }

    @Test
    void anOpenLoopThatFellBehindItsScheduleIsClientBoundHoweverIdleItsCore() {
        LoadReport idle = run(5, 1, 1);
        Histogram serviceNanos = new Histogram(3);
        serviceNanos.recordValue(80_000);
        Histogram latenessNanos = new Histogram(3);
        latenessNanos.recordValue(3_000_000);
        LoadReport late = new LoadReport(idle.run(), idle.connections(), idle.throughput(), idle.latencyMicros(), idle.errors(),
                idle.fairness(), idle.client(), idle.settings(), null, OpenLoopTimes.of(serviceNanos, latenessNanos));
        ClientLimit limit = ClientLimit.of(late, 1);
        assertTrue(limit.bound(), limit.toString());
        assertEquals("the load client was busy 20% of the 1 core it could use, and sent 1% of its messages 3.00ms or more "
                + "behind its schedule", limit.describe());
        assertFalse(ClientLimit.of(idle, 1).bound());
    }

    @Test
    void aRunThatMeasuredNothingHasNoLimit() {
        assertNull(ClientLimit.of(run(0, 0.3, 1), 1));
    }
}
