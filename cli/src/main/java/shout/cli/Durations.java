package shout.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Human durations on the command line: {@code 300s}, {@code 5s}, {@code 10ms}, {@code 200us}, {@code 2m}; a bare number is seconds. */
public final class Durations {

    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|µs|ms|s|m|h)?");

    private Durations() {
    }

    /** Parses a duration, or throws {@link IllegalArgumentException} with a message fit for a user. */
    public static Duration parse(String text) {
        Matcher m = FORM.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (examples: 300s, 10ms, 200us, 2m)");
        }
        double amount = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double nanosPerUnit = switch (unit) {
            case "ns" -> 1;
            case "us", "µs" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m" -> 60e9;
            default -> 3600e9;
        };
        return Duration.ofNanos(Math.round(amount * nanosPerUnit));
    }

    /** The shortest exact form in the units {@link #parse} reads: {@code 10ms}, {@code 200us}, {@code 5s}. */
    public static String format(Duration d) {
        long nanos = d.toNanos();
        if (nanos != 0 && nanos % 1_000_000_000L == 0) {
            return nanos / 1_000_000_000L + "s";
        }
        if (nanos % 1_000_000L == 0) {
            return nanos / 1_000_000L + "ms";
        }
        if (nanos % 1_000L == 0) {
            return nanos / 1_000L + "us";
        }
        return nanos + "ns";
    }

    /**
     * A latency for a person, in the unit that fits and to three significant digits, as wrk prints it:
     * {@code 870us}, {@code 12.4ms}, {@code 1.20s}. Machine-readable output keeps plain microseconds.
     */
    public static String readable(double micros) {
        if (micros < 999.5) {               // 999.6 would print as 1000us
            return significant(micros) + "us";
        }
        if (micros < 999_500) {
            return significant(micros / 1e3) + "ms";
        }
        return significant(micros / 1e6) + "s";
    }

    /** Three significant digits for 0 <= value < 1000 (beyond, whole): 8.70, 87.0, 870. */
    private static String significant(double value) {
        double rounded2 = Math.round(value * 100) / 100.0;
        double rounded1 = Math.round(value * 10) / 10.0;
        if (rounded2 < 10) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return rounded1 < 100 ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%.0f", value);
    }
}
