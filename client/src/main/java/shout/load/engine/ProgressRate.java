package shout.load.engine;

/**
 * The rate the progress line shows: the messages of the intervals collected since the last progress report,
 * over those intervals' time. With an {@code --interval} longer than a second a report may come with no new
 * interval; it then repeats the last rate. Coordinator thread only.
 */
final class ProgressRate {

    private long messages;
    private long nanos;
    private long lastCollectNanos;
    private double lastRate;

    /** Intervals are counted from now. */
    void start(long nowNanos) {
        lastCollectNanos = nowNanos;
    }

    /** An interval ending now held {@code collected} messages. */
    void add(long collected, long nowNanos) {
        messages += collected;
        nanos += nowNanos - lastCollectNanos;
        lastCollectNanos = nowNanos;
    }

    /** Messages per second since the previous call, or the previous rate when no interval ended in between. */
    double take() {
        if (nanos > 0) {
            lastRate = messages * 1e9 / nanos;
            messages = 0;
            nanos = 0;
        }
        return lastRate;
    }
}
