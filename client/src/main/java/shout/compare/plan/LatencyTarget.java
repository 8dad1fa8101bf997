package shout.compare.plan;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import shout.cli.Cli;
import shout.cli.Durations;

/**
 * A latency target ({@code compare --slo p99=20ms}): the round trip that {@code percentile} percent of messages stay
 * within. The latency needs a unit, since a bare number would be read as seconds and a target of 20 s is seldom meant.
 *
 * @param percentile between 0 and 100, exclusive: 99 for p99, 99.9 for p99.9
 * @param limit      the longest that percentile may be, positive
 */
public record LatencyTarget(double percentile, Duration limit) {

    /** The form, for help and errors. */
    public static final String SYNTAX = "pPERCENTILE=LATENCY";
    private static final Pattern FORM = Pattern.compile("p(\\d+(?:\\.\\d+)?)=(.+)", Pattern.CASE_INSENSITIVE);

    public LatencyTarget {
        if (!(percentile > 0 && percentile < 100)) {
            throw new IllegalArgumentException("the percentile must lie between 0 and 100 (both excluded), not " + plain(percentile));
        }
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("the latency target must be positive, not " + Durations.format(limit));
        }
    }

    /** Reads {@code p99=20ms}, {@code p99.9=500us}, {@code p50=1s}; throws with a message fit for a user. */
    public static LatencyTarget parse(String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not " + SYNTAX + " (examples: p99=20ms, p99.9=500us)");
        }
        String latency = m.group(2).strip();
        if (latency.matches("[0-9.]+")) {
            throw new IllegalArgumentException("'" + text + "': give the latency a unit (us, ms or s), as in p"
                    + m.group(1) + "=" + latency + "ms");
        }
        try {
            return new LatencyTarget(Double.parseDouble(m.group(1)), Durations.parse(latency));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "': " + e.getMessage());
        }
    }

    /** {@code p99}, {@code p99.9}: the percentile as a column is headed. */
    public String percentileName() {
        return "p" + plain(percentile);
    }

    /** {@code p99=20ms}, as the command line spells it. */
    @Override
    public String toString() {
        return percentileName() + "=" + Durations.format(limit);
    }

    /** The limit in microseconds, the unit of every latency in a load report. */
    public double limitMicros() {
        return limit.toNanos() / 1e3;
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString().toLowerCase(Locale.ROOT);
    }

    /** Reads {@code --slo}: a mistake becomes picocli's one-line error. */
    public static final class Converter implements ITypeConverter<LatencyTarget> {
        @Override
        public LatencyTarget convert(String value) {
            return Cli.userValue(() -> parse(value));
        }
    }
}
