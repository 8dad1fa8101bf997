package shout.load;

import java.math.BigDecimal;
import java.math.RoundingMode;
import picocli.CommandLine.ITypeConverter;
import shout.cli.Cli;

/**
 * Which messages of a run start with the marker byte ({@code --mark}), so that a server doing mixed-cost work
 * ({@code --work marked:...}) treats them as the expensive ones and the report can give their latencies apart.
 * Held as parts per million: {@code 1%} is 10,000, the finest share 1 (0.0001%), {@link #NONE} 0.
 *
 * <p>The choice is a deterministic spread, not a draw: message {@code m} of connection {@code c} is marked when
 * {@code (m + c + 1) * share} passes a whole million that {@code (m + c) * share} had not. So every connection marks
 * exactly its share over any stretch of 1 / share messages, even in a short run, and the offset {@code c} staggers the
 * connections, so that at any moment about that share of them is sending a marked message rather than all of them at
 * once. A seeded draw would clump the expensive messages by chance and move a lesson's figures from run to run.
 *
 * @param partsPerMillion marked messages per million; 0 for none
 */
public record MarkShare(long partsPerMillion) {

    /** No message is marked: the default. */
    public static final MarkShare NONE = new MarkShare(0);

    /** How {@code --mark} is written, for help texts and errors. */
    public static final String SYNTAX = "a percentage in (0, 100%], e.g. 1% or 0.5%, or a fraction below 1, e.g. 0.01";

    private static final long MILLION = 1_000_000;

    public MarkShare {
        Cli.require(partsPerMillion >= 0 && partsPerMillion <= MILLION,
                "mark must be " + SYNTAX + ", not " + partsPerMillion + " per million");
    }

    /**
     * Reads {@code 1%}, {@code 0.5%}, {@code 100%} or a fraction below 1 ({@code 0.01}); throws with a message fit for
     * a user for anything else. A bare {@code 1} is refused rather than read as every message: it is more likely meant as 1%.
     */
    public static MarkShare parse(String text) {
        String trimmed = text.strip();
        boolean percent = trimmed.endsWith("%");
        BigDecimal value;
        try {
            value = new BigDecimal(percent ? trimmed.substring(0, trimmed.length() - 1).strip() : trimmed);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("mark '" + text + "' is not " + SYNTAX);
        }
        BigDecimal fraction = percent ? value.movePointLeft(2) : value;
        Cli.require(fraction.signum() > 0 && fraction.compareTo(BigDecimal.ONE) <= 0,
                "mark must be " + SYNTAX + ", not '" + text + "'");
        Cli.require(percent || fraction.compareTo(BigDecimal.ONE) < 0,
                "mark '" + text + "' is ambiguous: write 100% to mark every message, or 1% for one in a hundred");
        long perMillion = fraction.movePointRight(6).setScale(0, RoundingMode.HALF_UP).longValueExact();
        Cli.require(perMillion > 0, "mark must be at least 0.0001%, not '" + text + "'");
        return new MarkShare(perMillion);
    }

    /** True when some messages are marked. */
    public boolean any() {
        return partsPerMillion > 0;
    }

    /** The share in percent: 1.0 for {@code 1%}. */
    public double percent() {
        return partsPerMillion / 1e4;
    }

    /** Whether message {@code message} (from 0) of connection {@code connection} (from 0) is marked; see the class comment. */
    public boolean marks(int connection, long message) {
        long position = message + connection;
        return (position + 1) * partsPerMillion / MILLION > position * partsPerMillion / MILLION;
    }

    /** The share as {@code --mark} reads it back: {@code 1%}, {@code 0.5%}, {@code 0%} for none. */
    @Override
    public String toString() {
        return BigDecimal.valueOf(partsPerMillion, 4).stripTrailingZeros().toPlainString() + "%";
    }

    /** {@code --mark}: reads {@link #SYNTAX}, its mistakes as picocli's one-line conversion errors. */
    public static final class Converter implements ITypeConverter<MarkShare> {
        @Override
        public MarkShare convert(String value) {
            return Cli.userValue(() -> parse(value));
        }
    }
}
