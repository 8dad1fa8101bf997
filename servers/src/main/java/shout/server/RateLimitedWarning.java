package shout.server;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A warning that may happen thousands of times a second (a flood over the cap, accept failing while
 * out of descriptors) but is logged at most once a second, with how often it happened since the last
 * line. Thread-safe and allocation-free while it stays quiet.
 */
public final class RateLimitedWarning {

    private static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final System.Logger logger;
    private final String format;
    private final AtomicLong lastLogNanos = new AtomicLong(System.nanoTime() - INTERVAL_NANOS);
    private final AtomicLong sinceLastLog = new AtomicLong();

    /**
     * @param format a {@link java.text.MessageFormat} pattern: {@code {0}} is the count since the last
     *               line, {@code {1}} the detail of the latest occurrence
     */
    public RateLimitedWarning(System.Logger logger, String format) {
        this.logger = logger;
        this.format = format;
    }

    /** Counts one occurrence and logs a line if the last one is at least a second old. */
    public void occurred(Object detail) {
        sinceLastLog.incrementAndGet();
        long last = lastLogNanos.get();
        long now = System.nanoTime();
        if (now - last >= INTERVAL_NANOS && lastLogNanos.compareAndSet(last, now)) {
            logger.log(System.Logger.Level.WARNING, format, sinceLastLog.getAndSet(0), detail);
        }
    }
}
