package shout.load;

import java.time.Duration;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Watches a run while it goes: the engine's LoadGenerator calls it from its coordinating thread: progress
 * once a second, latencies once an {@code --interval}. Implementations format or write; the generator never does.
 */
public interface LoadObserver {

    /** The run's state now. */
    default void progress(LoadProgress progress) {
    }

    /** The latencies (ns) of the measured messages completed since the previous call; valid only during the call. */
    default void interval(Histogram latencyNanos) {
    }

    /**
     * The connections were not all settled by {@code --start-at}: traffic starts now, {@code late} after
     * it, rather than not at all. Called at most once, before the warm-up.
     */
    default void startedLate(Duration late) {
    }

    /** Tells every observer in {@code observers}, in order. */
    static LoadObserver all(List<LoadObserver> observers) {
        return new LoadObserver() {
            @Override
            public void progress(LoadProgress progress) {
                observers.forEach(o -> o.progress(progress));
            }

            @Override
            public void interval(Histogram latencyNanos) {
                observers.forEach(o -> o.interval(latencyNanos));
            }

            @Override
            public void startedLate(Duration late) {
                observers.forEach(o -> o.startedLate(late));
            }
        };
    }
}
