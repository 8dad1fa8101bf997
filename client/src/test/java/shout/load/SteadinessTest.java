package shout.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The steady-state verdict from interval rates: settled, still rising, falling, unsteady, or too short to tell. */
class SteadinessTest {

    /** Intervals of 0.1 s at these rates (msgs/s). */
    static List<LoadReport.Interval> intervals(double... rates) {
        List<LoadReport.Interval> intervals = new ArrayList<>();
        for (int i = 0; i < rates.length; i++) {
            intervals.add(new LoadReport.Interval(i * 0.1, 0.1, Math.round(rates[i] * 0.1), rates[i]));
        }
        return intervals;
    }

    @Test
    void aFlatSeriesWithALittleNoiseSettled() {
        Steadiness steady = Steadiness.of(intervals(100_000, 102_000, 98_000, 101_000, 99_000, 100_500, 99_500, 101_500, 98_500, 100_000));
        assertTrue(steady.settled(), steady.describe());
        assertEquals(Steadiness.SETTLED, steady.verdict());
        assertEquals(10, steady.intervals());
        assertTrue(steady.spreadPercent() < 2, steady.describe());
        assertEquals(0, steady.trendPercent(), 2, steady.describe());
    }

    @Test
    void aRisingSeriesIsStillRising() {
        Steadiness steady = Steadiness.of(intervals(40_000, 55_000, 65_000, 72_000, 78_000, 82_000, 85_000, 88_000, 90_000));
        assertFalse(steady.settled());
        assertEquals(Steadiness.RISING, steady.verdict());
        assertTrue(steady.trendPercent() > 30, steady.describe());
        assertTrue(steady.describe().startsWith("still rising (spread "), steady.describe());
    }

    @Test
    void aFallingSeriesIsFalling() {
        Steadiness steady = Steadiness.of(intervals(100_000, 98_000, 95_000, 90_000, 84_000, 80_000));
        assertEquals(Steadiness.FALLING, steady.verdict());
        assertTrue(steady.trendPercent() < -10, steady.describe());
    }

    @Test
    void aNoisySeriesWithoutATrendIsUnsteady() {
        Steadiness steady = Steadiness.of(intervals(100_000, 60_000, 140_000, 70_000, 130_000, 65_000, 135_000, 100_000, 62_000));
        assertEquals(Steadiness.UNSTEADY, steady.verdict(), steady.describe());
        assertTrue(steady.spreadPercent() / Math.sqrt(steady.intervals()) > Steadiness.MAX_ERROR_PERCENT, steady.describe());
        assertTrue(Math.abs(steady.trendPercent()) <= Steadiness.MAX_TREND_PERCENT, steady.describe());
    }

    @Test
    void fewerThanFiveWholeIntervalsAreTooShortToTell() {
        Steadiness steady = Steadiness.of(intervals(100_000, 100_000, 100_000, 100_000));
        assertFalse(steady.settled());
        assertEquals(Steadiness.TOO_SHORT, steady.verdict());
        assertNull(steady.spreadPercent());
        assertEquals("too short to tell (4 whole intervals, at least 5 needed)", steady.describe());
        assertEquals(Steadiness.TOO_SHORT, Steadiness.of(List.of()).verdict());
        assertEquals(Steadiness.TOO_SHORT, Steadiness.of(intervals(0, 0, 0, 0, 0, 0)).verdict(), "no replies at all");
    }

    @Test
    void aShortFirstOrLastIntervalIsLeftOut() {
        List<LoadReport.Interval> intervals = new ArrayList<>();
        intervals.add(new LoadReport.Interval(0, 0.01, 100, 10_000));          // a stub at a tenth of the rate
        for (int i = 0; i < 6; i++) {
            intervals.add(new LoadReport.Interval(0.01 + i * 0.1, 0.1, 10_000, 100_000));
        }
        intervals.add(new LoadReport.Interval(0.61, 0.002, 1_000, 500_000));    // a stub that caught a burst
        Steadiness steady = Steadiness.of(intervals);
        assertEquals(Steadiness.SETTLED, steady.verdict(), steady.describe());
        assertEquals(6, steady.intervals());
        assertEquals(0, steady.spreadPercent(), 1e-9);
    }

    @Test
    void aShortLastIntervalDoesNotCountTowardsTheFive() {
        List<LoadReport.Interval> intervals = new ArrayList<>(intervals(100_000, 100_000, 100_000, 100_000));
        intervals.add(new LoadReport.Interval(0.4, 0.001, 100, 100_000));
        assertEquals(Steadiness.TOO_SHORT, Steadiness.of(intervals).verdict());
    }

    @Test
    void noiseOfABusyMachineWithoutATrendIsSettled() {
        // 100 ms intervals of a settled server on a shared host: a swing of a fifth, the last third higher by chance
        Steadiness steady = Steadiness.of(intervals(90_000, 110_000, 85_000, 105_000, 95_000, 115_000, 92_000, 108_000, 112_000, 101_000));
        assertTrue(steady.settled(), steady.describe());
    }

    @Test
    void aSmallClimbThatStandsOutOfTheNoiseIsStillRising() {
        Steadiness steady = Steadiness.of(intervals(90_000, 92_000, 94_000, 96_000, 98_000, 100_000, 102_000, 104_000, 106_000, 108_000));
        assertEquals(Steadiness.RISING, steady.verdict(), steady.describe());
    }

    @Test
    void aSlowStartBeforeAFlatRunIsStillRising() {
        // one line through all the rates does not tell a single slow first interval from noise; the start check does
        assertEquals(Steadiness.RISING, Steadiness.of(intervals(30_000, 100_000, 99_000, 101_000, 100_000, 98_000, 102_000,
                100_000, 99_000, 101_000)).verdict());
        assertEquals(Steadiness.RISING, Steadiness.of(intervals(50_000, 80_000, 100_000, 97_000, 103_000, 99_000, 101_000,
                100_000, 98_000, 102_000)).verdict());
    }
}
