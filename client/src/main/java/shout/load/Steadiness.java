package shout.load;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Whether a run's throughput had settled, judged from its {@link LoadReport#intervals}: the trend of the interval
 * rates (a least-squares line through them, its rise over the whole window as a share of the mean) and whether that
 * trend stands out of their noise (its t statistic), whether the first third starts low against the rest, and how
 * uncertain their mean is (the spread, their standard deviation over the mean, divided by the square root of their
 * count). A first or last interval shorter than half the median is left out: it is the stub of a run that did not
 * end on an interval boundary. Fewer than {@link #MIN_INTERVALS} whole intervals are too few to tell. {@code shout
 * load} prints it under its summary; {@code shout compare} records it per cell and marks a cell that did not settle.
 *
 * <p>Thresholds: a fresh JVM's climb is a trend far beyond its noise, while a settled server on a shared machine
 * spreads by tens of percent between short intervals; a spread or trend bound alone marks that noise too, so a
 * trend must also stand out of the noise (see docs/findings.md#steady-state-trend-start-and-uncertainty). The
 * figures are printed with the verdict, so a reader can judge a borderline run.
 *
 * @param settled       true when the rates neither trended nor spread beyond the thresholds
 * @param verdict       {@code settled}, {@code still rising}, {@code falling}, {@code unsteady} or
 *                      {@code too short to tell}
 * @param intervals     the whole intervals judged
 * @param spreadPercent standard deviation of the interval rates over their mean, in %; null when too short
 * @param trendPercent  the rise (or fall) of the least-squares line through the interval rates over the whole
 *                      window, over the mean rate, in %; null when too short
 */
public record Steadiness(boolean settled, String verdict, int intervals, Double spreadPercent, Double trendPercent) {

    /** Fewer whole intervals than this cannot show a trend apart from noise. */
    public static final int MIN_INTERVALS = 5;
    /** Most uncertainty of a settled run's mean rate (its spread over the square root of the interval count), in %. */
    public static final double MAX_ERROR_PERCENT = 10;
    /** Most trend, either way, of a settled run, in %. */
    public static final double MAX_TREND_PERCENT = 10;
    /** How many standard errors a trend beyond {@link #MAX_TREND_PERCENT} must stand out of the noise to count. */
    public static final double MIN_TREND_T = 3;

    public static final String SETTLED = "settled";
    public static final String RISING = "still rising";
    public static final String FALLING = "falling";
    public static final String UNSTEADY = "unsteady";
    public static final String TOO_SHORT = "too short to tell";

    /** The verdict on {@code intervals}, in the order the run measured them. */
    public static Steadiness of(List<LoadReport.Interval> intervals) {
        List<LoadReport.Interval> whole = wholeIntervals(intervals);
        int n = whole.size();
        double[] rates = whole.stream().mapToDouble(LoadReport.Interval::messagesPerSecond).toArray();
        double mean = mean(rates);
        if (n < MIN_INTERVALS || mean <= 0) {
            return new Steadiness(false, TOO_SHORT, n, null, null);
        }
        double[] times = whole.stream().mapToDouble(i -> i.startSeconds() + i.seconds() / 2).toArray();
        double meanTime = mean(times);
        double timeSquares = 0;
        double products = 0;
        double variance = 0;
        for (int i = 0; i < n; i++) {
            timeSquares += (times[i] - meanTime) * (times[i] - meanTime);
            products += (times[i] - meanTime) * (rates[i] - mean);
            variance += (rates[i] - mean) * (rates[i] - mean);
        }
        // at least five whole intervals, so timeSquares > 0; a perfect line makes t infinite, a flat one NaN (no trend)
        double slope = products / timeSquares;
        double slopeError = Math.sqrt(Math.max(0, variance - slope * products) / (n - 2) / timeSquares);
        double t = slope / slopeError;
        double window = whole.stream().mapToDouble(LoadReport.Interval::seconds).sum();
        double trend = 100 * slope * window / mean;
        double spread = 100 * Math.sqrt(variance / n) / mean;
        String verdict = (trend > MAX_TREND_PERCENT && t >= MIN_TREND_T) || startsLow(rates) ? RISING
                : trend < -MAX_TREND_PERCENT && t <= -MIN_TREND_T ? FALLING
                : spread / Math.sqrt(n) > MAX_ERROR_PERCENT ? UNSTEADY : SETTLED;
        return new Steadiness(verdict.equals(SETTLED), verdict, n, spread, trend);
    }

    /** The verdict and its figures for a person: {@code still rising (spread 23%, trend +41%, 10 intervals)}. */
    public String describe() {
        if (spreadPercent == null) {
            return verdict + " (" + intervals + " whole intervals, at least " + MIN_INTERVALS + " needed)";
        }
        return String.format(Locale.ROOT, "%s (spread %.0f%%, trend %+.0f%%, %d intervals)", verdict, spreadPercent,
                trendPercent, intervals);
    }

    /**
     * True when the first third of the rates sits below the median of the rest by more than {@link #MAX_TREND_PERCENT}
     * and by more than {@link #MIN_TREND_T} times the rest's noise (their median absolute deviation, scaled to a standard
     * deviation): a start still settling, such as one slow first interval before a flat run, which a line through all
     * the rates does not tell from noise.
     */
    private static boolean startsLow(double[] rates) {
        int third = rates.length / 3;
        double first = mean(Arrays.copyOfRange(rates, 0, third));
        double[] rest = Arrays.copyOfRange(rates, third, rates.length);
        double median = median(rest);
        double[] deviations = Arrays.stream(rest).map(rate -> Math.abs(rate - median)).toArray();
        double noise = 1.4826 * median(deviations);
        double gap = median - first;
        return gap > median * MAX_TREND_PERCENT / 100 && gap > MIN_TREND_T * noise;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
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

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return values.length > 0 ? sum / values.length : 0;
    }
}
