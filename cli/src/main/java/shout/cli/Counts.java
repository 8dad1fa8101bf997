package shout.cli;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;

/**
 * Counts on the command line as load tools write them: {@code 50k}, {@code 10k}, {@code 1M}, {@code 2.5k},
 * {@code 1G}, where k, M and G are 10^3, 10^6 and 10^9 (SI, not 2^10: these count messages and
 * connections, not bytes). A bare number is itself.
 */
public final class Counts {

    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)([kKMG]?)");

    private Counts() {
    }

    /** A whole count: {@code 2.5k} is 2500, {@code 1.5} or {@code 0.0001k} is an error; throws with a message fit for a user. */
    public static long parseWhole(String text) {
        BigDecimal value = parse(text);
        Cli.require(value.scale() <= 0, "'" + text + "' is not a whole number (examples: 100, 10k, 2.5k, 1M)");
        Cli.require(value.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0, "'" + text + "' is too large");
        return value.longValueExact();
    }

    /** A count that may have a fraction, such as a rate: {@code 0.5}, {@code 2.5k}; throws with a message fit for a user. */
    public static double parseFraction(String text) {
        return parse(text).doubleValue();
    }

    private static BigDecimal parse(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a count (examples: 100, 10k, 2.5k, 1M, 1G)");
        }
        int exponent = switch (m.group(2)) {
            case "k", "K" -> 3;
            case "M" -> 6;
            case "G" -> 9;
            default -> 0;
        };
        return new BigDecimal(m.group(1)).scaleByPowerOfTen(exponent).stripTrailingZeros();
    }

    /** picocli's converter for an {@code int} count: {@code -c 10k}. */
    public static final class IntConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return Cli.userValue(() -> {
                long count = parseWhole(value);
                Cli.require(count <= Integer.MAX_VALUE, "'" + value + "' is too large (at most " + Integer.MAX_VALUE + ")");
                return (int) count;
            });
        }
    }

    /** picocli's converter for a {@code long} count: {@code --messages 1M}. */
    public static final class LongConverter implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return Cli.userValue(() -> parseWhole(value));
        }
    }

    /** picocli's converter for a rate, which may have a fraction: {@code -R 50k}, {@code --rate 0.5}. */
    public static final class FractionConverter implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            return Cli.userValue(() -> parseFraction(value));
        }
    }
}
