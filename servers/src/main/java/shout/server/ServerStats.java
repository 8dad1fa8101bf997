package shout.server;

import java.time.Duration;
import java.util.Optional;
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

    /** An immutable view of the counters at one moment; {@code idleClosed} counts connections closed by the idle timeout. */
    public record Snapshot(int active, long accepted, long rejected, long bytesIn, long bytesOut, long idleClosed) {
        @Override
        public String toString() {
            return "connections accepted=%d rejected=%d active=%d bytes in=%d out=%d idle-closed=%d"
                    .formatted(accepted, rejected, active, bytesIn, bytesOut, idleClosed);
        }
    }

    private final int maxConnections;
    private final AtomicInteger active = new AtomicInteger();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder bytesIn = new LongAdder();
    private final LongAdder bytesOut = new LongAdder();
    private final LongAdder idleClosed = new LongAdder();
    private final ReentrantLock idleLock = new ReentrantLock();
    private final Condition idle = idleLock.newCondition();
    private final RateLimitedWarning capReached;

    /** Counters for a server that admits at most {@code maxConnections} at once. */
    public ServerStats(int maxConnections) {
        this.maxConnections = maxConnections;
        this.capReached = new RateLimitedWarning(LOGGER,
                "connection cap " + maxConnections + " reached: closed {0} new connection(s) at once");
    }

    /**
     * Admits a new connection if the cap allows it: its permit, to release when it closes. On empty the
     * caller closes the connection at once; the rejection is counted and logged (at most one line a second).
     */
    public Optional<ConnectionPermit> tryOpen() {
        for (int now = active.get(); now < maxConnections; now = active.get()) {
            if (active.compareAndSet(now, now + 1)) {
                accepted.increment();
                return Optional.of(new ConnectionPermit(this));
            }
        }
        rejected.increment();
        capReached.occurred("");
        return Optional.empty();
    }

    /** Called once per admitted connection, by its {@link ConnectionPermit}. */
    void closed() {
        if (active.decrementAndGet() == 0) {
            idleLock.lock();
            try {
                idle.signalAll();
            } finally {
                idleLock.unlock();
            }
        }
    }

    /** Counts bytes read from a client; any thread. */
    public void received(int bytes) {
        bytesIn.add(bytes);
    }

    /** Counts bytes written back to a client; any thread. */
    public void sent(int bytes) {
        bytesOut.add(bytes);
    }

    /** Counts a connection the idle timeout closes; any thread, once per connection. */
    public void closedIdle() {
        idleClosed.increment();
    }

    /** The cap: connections open at once. */
    public int maxConnections() {
        return maxConnections;
    }

    /** The connections admitted and not yet released. */
    public int active() {
        return active.get();
    }

    /** The counters now; each is exact, but they are read one after another, not atomically together. */
    public Snapshot snapshot() {
        return new Snapshot(active.get(), accepted.sum(), rejected.sum(), bytesIn.sum(), bytesOut.sum(), idleClosed.sum());
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
