package shout.load;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import shout.cli.Cli;
import shout.cli.Durations;

/**
 * When a load run sends and for how long: an optional start time, the warm-up, then the measured part, timed or
 * counted, reported in intervals.
 *
 * @param startAt  when not null, traffic waits for this wall-clock instant once the connections are up
 * @param warmup   traffic before the measured part, not counted
 * @param duration length of the measured part when {@code messages} is 0
 * @param messages when positive, the measured part ends after exactly this many verified messages
 * @param interval length of the report's throughput intervals and of the {@code --hdr-log} interval histograms
 */
public record Schedule(Instant startAt, Duration warmup, Duration duration, long messages, Duration interval) {

    /** Below this an interval holds too few replies to mean anything, and collecting it costs the coordinator a wakeup. */
    public static final Duration MIN_INTERVAL = Duration.ofMillis(10);

    public Schedule {
        Objects.requireNonNull(warmup, "warmup");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(interval, "interval");
        Cli.require(messages >= 0, "messages must not be negative, not " + messages);
        Cli.require(messages > 0 || duration.toMillis() > 0, "duration must be at least 1ms");
        requireWarmup(warmup);
        Cli.require(interval.compareTo(MIN_INTERVAL) >= 0, "interval must be at least "
                + Durations.format(MIN_INTERVAL) + ", not " + Durations.format(interval));
    }

    /** A warm-up, which may be zero; compare's cells follow the same rule. */
    public static void requireWarmup(Duration warmup) {
        Cli.require(!warmup.isNegative(), "warmup must not be negative");
    }

    /** True when the run ends after a number of messages rather than after {@link #duration}. */
    public boolean counted() {
        return messages > 0;
    }
}
