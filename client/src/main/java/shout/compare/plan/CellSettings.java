package shout.compare.plan;

import java.time.Duration;
import java.util.Objects;
import shout.cli.Cli;
import shout.cli.Durations;
import shout.load.MessageShape;
import shout.load.Schedule;

/**
 * How every cell of a comparison is measured, whatever its target and connection count; a scenario takes these
 * from the command line and sets its own grid.
 *
 * @param shape     bytes per message, messages in flight per connection, and the share marked
 * @param warmup    discarded load before each measurement
 * @param duration  measured part of each cell
 * @param repeat    how many times each cell is measured; the cell reports the median
 * @param jitWarmup unmeasured load on each target before its first cell, so that its JIT has compiled the hot
 *                  paths; zero for none
 * @param idleConnections connections each cell holds open beside its own and never uses (load's {@code --idle}); 0
 *                  for none
 */
public record CellSettings(MessageShape shape, Duration warmup, Duration duration, int repeat, Duration jitWarmup,
                           int idleConnections) {

    public CellSettings {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(warmup, "warmup");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(jitWarmup, "jitWarmup");
        // a cell needs one whole throughput interval
        Cli.require(duration.compareTo(Schedule.MIN_INTERVAL) >= 0, "duration must be at least "
                + Durations.format(Schedule.MIN_INTERVAL) + ", not " + Durations.format(duration));
        Schedule.requireWarmup(warmup);
        Cli.require(!jitWarmup.isNegative(), "jit-warmup must not be negative");
        Cli.require(repeat >= 1, "repeat must be positive, not " + repeat);
        Cli.require(idleConnections >= 0, "idle connections must not be negative, not " + idleConnections);
    }

    /** Without idle connections. */
    public CellSettings(MessageShape shape, Duration warmup, Duration duration, int repeat, Duration jitWarmup) {
        this(shape, warmup, duration, repeat, jitWarmup, 0);
    }

    /** These settings with {@code count} idle connections held beside every cell's own. */
    public CellSettings withIdleConnections(int count) {
        return new CellSettings(shape, warmup, duration, repeat, jitWarmup, count);
    }

    /** Each cell measured once, without a JIT warm-up. */
    public CellSettings(MessageShape shape, Duration warmup, Duration duration) {
        this(shape, warmup, duration, 1, Duration.ZERO);
    }
}
