package shout.load;

import java.util.List;
import java.util.Locale;

/**
 * Whether a run's throughput had settled, judged from its {@link LoadReport#intervals}: the spread of the
 * interval rates (coefficient of variation) and their trend (the mean of the last third against the mean of
 * the first, over the mean of all). A first or last interval shorter than half the median is left out: it
 * is the stub of a run that did not end on an interval boundary. Fewer than {@link #MIN_INTERVALS} whole
 * intervals are too few to tell. {@code shout load} prints it under its summary; {@code shout compare}
 * records it per cell and marks a cell that did not settle.
 *
 * <p>Thresholds, from runs of 100 connections with 100 ms intervals on this project's 2-core machine (server on
 * cpu 0, client on cpu 1, while other builds shared the machine): once a run had reached its plateau, its interval
 * rates spread by 3-5% with a trend within +-5% (netty after a 2 s warm-up: spread 2.8%, trend +1.3%; virtual from
 * its second second on: 5.0%, -4.7%). Before it, from a fresh server JVM or a fresh client JVM, the rates climbed
 * for up to a second (virtual: 22k, 33k, 36k, 45k, 68k, 98k msgs/s, then about 100k), trends of +50% to +200%.
 * A spread up to 15% and a trend within +-10% leave three times the plateau's noise for shorter intervals and a
 * busy machine, and still catch such a climb. The figures are printed with the verdict, so a reader can judge a
 * borderline run.
 *
 * @param settled       true when the rates neither trended nor spread beyond the thresholds
 * @param verdict       {@code settled}, {@code still rising}, {@code falling}, {@code unsteady} or
 *                      {@code too short to tell}
 * @param intervals     the whole intervals judged
 * @param spreadPercent standard deviation of the interval rates over their mean, in %; null when too short
 * @param trendPercent  mean rate of the last third minus that of the first third, over the mean rate, in %;
 *                      null when too short
 */
public record Steadiness(boolean settled, String verdict, int intervals, Double spreadPercent, Double trendPercent) {

    /** Fewer whole intervals than this cannot show a trend apart from noise. */
    public static final int MIN_INTERVALS = 5;
    /** Most spread of a settled run, in %. */
    public static final double MAX_SPREAD_PERCENT = 15;
    /** Most trend, either way, of a settled run, in %. */
    public static final double MAX_TREND_PERCENT = 10;

    public static final String SETTLED = "settled";
    public static final String RISING = "still rising";
    public static final String FALLING = "falling";
    public static final String UNSTEADY = "unsteady";
    public static final String TOO_SHORT = "too short to tell";

    /** The verdict on {@code intervals}, in the order the run measured them. */
    public static Steadiness of(List<LoadReport.Interval> intervals) {
        double[] rates = wholeIntervals(intervals).stream().mapToDouble(LoadReport.Interval::messagesPerSecond).toArray();
        double mean = mean(rates, 0, rates.length);
        if (rates.length < MIN_INTERVALS || mean <= 0) {
            return new Steadiness(false, TOO_SHORT, rates.length, null, null);
        }
        double variance = 0;
        for (double rate : rates) {
            variance += (rate - mean) * (rate - mean);
        }
        double spread = 100 * Math.sqrt(variance / rates.length) / mean;
        int third = rates.length / 3;
        // Over the mean rather than the first third: a first third of zero (a server still starting) stays finite.
        double trend = 100 * (mean(rates, rates.length - third, rates.length) - mean(rates, 0, third)) / mean;
        String verdict = trend > MAX_TREND_PERCENT ? RISING
                : trend < -MAX_TREND_PERCENT ? FALLING
                : spread > MAX_SPREAD_PERCENT ? UNSTEADY : SETTLED;
        return new Steadiness(verdict.equals(SETTLED), verdict, rates.length, spread, trend);
    }

    /** The verdict and its figures for a person: {@code still rising (spread 23%, trend +41%, 10 intervals)}. */
    public String describe() {
        if (spreadPercent == null) {
            return verdict + " (" + intervals + " whole intervals, at least " + MIN_INTERVALS + " needed)";
        }
        return String.format(Locale.ROOT, "%s (spread %.0f%%, trend %+.0f%%, %d intervals)", verdict, spreadPercent,
                trendPercent, intervals);
    }

    /** Drops a first or last interval shorter than half the median: a stub, not a sample of the rate. */
    private static List<LoadReport.Interval> wholeIntervals(List<LoadReport.Interval> intervals) {
        if (intervals.size() < 2) {
            return intervals;
        }
        double[] lengths = intervals.stream().mapToDouble(LoadReport.Interval::seconds).sorted().toArray();
        double half = lengths[lengths.length / 2] / 2;
        int from = intervals.getFirst().seconds() < half ? 1 : 0;
        int to = intervals.getLast().seconds() < half ? intervals.size() - 1 : intervals.size();
        return intervals.subList(from, Math.max(from, to));
    }

    private static double mean(double[] values, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return to > from ? sum / (to - from) : 0;
    }
}
