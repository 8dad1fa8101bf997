package shout.server.metrics;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import shout.server.ServerStats;

/**
 * {@code --stats-interval}: the server's counters as one INFO log line at a fixed interval,
 * {@code stats mode=nio process=0: connections accepted=3 ... idle-closed=0}. Threading: one named
 * daemon thread ({@code stats-log}) that {@link #close()} stops; none at all when the interval is 0.
 */
public final class StatsLog implements AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(StatsLog.class.getName());

    private final ScheduledExecutorService timer;     // null: off

    private StatsLog(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /** Logs {@code stats} every {@code interval} from now on; a zero interval logs nothing and starts no thread. */
    public static StatsLog start(ServerStats stats, MetricLabels labels, Duration interval) {
        if (interval.isZero()) {
            return new StatsLog(null);
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("stats-log").daemon(true).factory());
        long nanos = interval.toNanos();
        timer.scheduleAtFixedRate(() -> LOGGER.log(System.Logger.Level.INFO, "stats {0}: {1}", labels, stats.snapshot()),
                nanos, nanos, TimeUnit.NANOSECONDS);
        return new StatsLog(timer);
    }

    /** Stops logging and waits for a line being written to finish. Safe to call twice. */
    @Override
    public void close() {
        if (timer != null) {
            timer.close();
        }
    }
}
