package shout.cli;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;

/**
 * Numbers on the command line as load tools write them, read here for every command. A count
 * ({@code 50k}, {@code 1M}, {@code 2.5k}, {@code 1G}) takes k, M and G as 10^3, 10^6 and 10^9: it counts
 * messages and connections. A size in bytes ({@code 4k}, {@code 1M}) takes them as 2^10, 2^20 and 2^30,
 * as dd and iperf3 read them. A bare number is itself; a fraction is allowed where the result is whole.
 */
public final class Counts {

    /** How the help of a byte-size option says what its suffixes mean. */
    public static final String BYTES_SUFFIXES = "k and M are 1,024-based: 4k = 4,096";

    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)([kKMG]?)");
    private static final String COUNT_EXAMPLES = "examples: 100, 10k, 2.5k, 1M";
    private static final String A_COUNT = "a count (" + COUNT_EXAMPLES + ", 1G)";
    private static final String SIZE_EXAMPLES = "(examples: 64, 512, 4k, 1M; " + BYTES_SUFFIXES + ")";

    private Counts() {
    }

    /** A whole count: {@code 2.5k} is 2500, {@code 1.5} or {@code 1.0001k} is an error; throws with a message fit for a user. */
    public static long parseWhole(String text) {
        return whole(text, parse(text, 1000, A_COUNT), "a whole number (" + COUNT_EXAMPLES + ")");
    }

    /** A whole number of bytes: {@code 4k} is 4096, {@code 1.5k} 1536, {@code 0.3k} an error; throws with a message fit for a user. */
    public static long parseBytes(String text) {
        return whole(text, parse(text, 1024, "a size in bytes " + SIZE_EXAMPLES), "a whole number of bytes " + SIZE_EXAMPLES);
    }

    /** A count that may have a fraction, such as a rate: {@code 0.5}, {@code 2.5k}; throws with a message fit for a user. */
    public static double parseFraction(String text) {
        return parse(text, 1000, A_COUNT).doubleValue();
    }

    private static long whole(String text, BigDecimal value, String expected) {
        Cli.require(value.scale() <= 0, "'" + text + "' is not " + expected);
        Cli.require(value.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0, "'" + text + "' is too large");
        return value.longValueExact();
    }

    /** @param what what the text should have been, with examples: the error says it */
    private static BigDecimal parse(String text, int base, String what) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not " + what);
        }
        int power = switch (m.group(2)) {
            case "k", "K" -> 1;
            case "M" -> 2;
            case "G" -> 3;
            default -> 0;
        };
        return new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(base).pow(power)).stripTrailingZeros();
    }

    private static int asInt(String text, long value) {
        Cli.require(value <= Integer.MAX_VALUE, "'" + text + "' is too large (at most " + Integer.MAX_VALUE + ")");
        return (int) value;
    }

    /** picocli's converter for an {@code int} count, also per element of a list: {@code -c 10k}, {@code --connections 1,1k}. */
    public static final class IntConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return Cli.userValue(() -> asInt(value, parseWhole(value)));
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

    /** picocli's converter for an {@code int} size in bytes: {@code --size 4k} is 4,096 bytes. */
    public static final class BytesConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return Cli.userValue(() -> asInt(value, parseBytes(value)));
        }
    }
}
