package shout.cli;

import java.util.Objects;
import java.util.Optional;

/**
 * The last line a server prints once it has stopped, {@code stopped: connections accepted=2 rejected=0 ...}:
 * its counters over its whole run. Parent processes (compare) and scripts read it, so, like {@link StartLine},
 * it is written and recognised only here.
 *
 * @param counters the counters as the server words them, after the prefix
 */
public record StopLine(String counters) {

    private static final String PREFIX = "stopped: ";

    public StopLine {
        Objects.requireNonNull(counters, "counters");
    }

    /** The line as printed. */
    @Override
    public String toString() {
        return PREFIX + counters;
    }

    /** The stop line that {@code line} is, or empty for any other line. */
    public static Optional<StopLine> parse(String line) {
        String stripped = line == null ? "" : line.strip();
        return stripped.startsWith(PREFIX) ? Optional.of(new StopLine(stripped.substring(PREFIX.length()))) : Optional.empty();
    }
}
