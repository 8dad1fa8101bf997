package shout.server;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The counters every mode keeps, and the connection cap they enforce. Thread-safe and cheap on the
 * hot path (adders, one CAS per accepted connection).
 */
public final class ServerStats {

    private static final System.Logger LOGGER = System.getLogger(ServerStats.class.getName());

    /** An immutable view of the counters at one moment. */
    public record Snapshot(int active, long accepted, long rejected, long bytesIn, long bytesOut) {
        @Override
        public String toString() {
            return "connections accepted=%d rejected=%d active=%d bytes in=%d out=%d"
                    .formatted(accepted, rejected, active, bytesIn, bytesOut);
        }
    }

    private final int maxConnections;
    private final AtomicInteger active = new AtomicInteger();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder bytesIn = new LongAdder();
    private final LongAdder bytesOut = new LongAdder();
    private final ReentrantLock idleLock = new ReentrantLock();
    private final Condition idle = idleLock.newCondition();
    private final RateLimitedWarning capReached;

    public ServerStats(int maxConnections) {
        this.maxConnections = maxConnections;
        this.capReached = new RateLimitedWarning(LOGGER,
                "connection cap " + maxConnections + " reached: closed {0} new connection(s) at once");
    }

    /**
     * Admits a new connection if the cap allows it. On {@code false} the caller closes the connection
     * at once; the rejection is counted and logged (at most one line a second).
     */
    public boolean tryOpen() {
        for (int now = active.get(); now < maxConnections; now = active.get()) {
            if (active.compareAndSet(now, now + 1)) {
                accepted.increment();
                return true;
            }
        }
        rejected.increment();
        capReached.occurred("");
        return false;
    }

    /** Releases a connection admitted by {@link #tryOpen()}; call exactly once per admitted one. */
    public void closed() {
        if (active.decrementAndGet() == 0) {
            idleLock.lock();
            try {
                idle.signalAll();
            } finally {
                idleLock.unlock();
            }
        }
    }

    public void received(int bytes) {
        bytesIn.add(bytes);
    }

    public void sent(int bytes) {
        bytesOut.add(bytes);
    }

    public int active() {
        return active.get();
    }

    public Snapshot snapshot() {
        return new Snapshot(active.get(), accepted.sum(), rejected.sum(), bytesIn.sum(), bytesOut.sum());
    }

    /** Waits until no connection is open, or the timeout passes. Returns whether it got there. */
    public boolean awaitNoActive(Duration timeout) throws InterruptedException {
        long remaining = timeout.toNanos();
        idleLock.lock();
        try {
            while (active.get() > 0) {
                if (remaining <= 0) {
                    return false;
                }
                remaining = idle.awaitNanos(remaining);
            }
            return true;
        } finally {
            idleLock.unlock();
        }
    }
}
