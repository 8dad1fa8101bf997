package shout.compare.plan;

import java.time.Duration;
import shout.load.MessageShape;

/**
 * One measurement of a comparison: one target driven with one connection count.
 *
 * @param target       the server measured
 * @param connections  concurrent connections the load client opens
 * @param shape        bytes per message, messages in flight per connection, and the share marked
 * @param warmup       load before measuring, discarded
 * @param duration     the measured part
 * @param offeredMessagesPerSecond the open loop's total send rate ({@code --rate}), the same for every target; 0 for a
 *                     closed loop, which sends each message as the last reply is in
 * @param idleConnections connections held open beside {@code connections} for the whole cell and never used (load's
 *                     {@code --idle}); 0 for none
 */
public record Cell(Target target, int connections, MessageShape shape, Duration warmup, Duration duration,
                   double offeredMessagesPerSecond, int idleConnections) {

    /** A cell without idle connections. */
    public Cell(Target target, int connections, MessageShape shape, Duration warmup, Duration duration,
                double offeredMessagesPerSecond) {
        this(target, connections, shape, warmup, duration, offeredMessagesPerSecond, 0);
    }

    /** A closed-loop cell. */
    public Cell(Target target, int connections, MessageShape shape, Duration warmup, Duration duration) {
        this(target, connections, shape, warmup, duration, 0);
    }

    /** True when the load is paced at {@link #offeredMessagesPerSecond}. */
    public boolean openLoop() {
        return offeredMessagesPerSecond > 0;
    }

    /** Enough intervals to judge whether a cell settled: ten per cell where they may be that short. */
    static final int INTERVALS_PER_CELL = 10;
    /** Shorter intervals hold too few replies at one connection (about 11,000 msgs/s) to be more than noise. */
    static final Duration MIN_INTERVAL = Duration.ofMillis(50);
    /** Longer cells keep load's default second, so a full run's intervals read as before. */
    static final Duration MAX_INTERVAL = Duration.ofSeconds(1);

    /**
     * The load client's {@code --interval} for this cell: duration / 10, within 50 ms and 1 s, so that every cell has
     * the intervals its steady-state verdict needs (a {@code --quick} cell of 750 ms gets ten of 75 ms).
     */
    public Duration throughputInterval() {
        Duration tenth = duration.dividedBy(INTERVALS_PER_CELL);
        Duration interval = tenth.compareTo(MIN_INTERVAL) < 0 ? MIN_INTERVAL : tenth.compareTo(MAX_INTERVAL) > 0 ? MAX_INTERVAL : tenth;
        return interval.compareTo(duration) > 0 ? duration : interval;     // load rejects an interval beyond the duration
    }
}
