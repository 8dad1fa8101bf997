package shout.server;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One admitted connection's place under the cap, from {@link ServerStats#tryOpen()}. {@link #release()}
 * gives the place back exactly once, however often and from whichever threads it is called, so every
 * path that ends a connection may call it without counting twice.
 */
public final class ConnectionPermit {

    private final ServerStats stats;
    private final AtomicBoolean released = new AtomicBoolean();

    ConnectionPermit(ServerStats stats) {
        this.stats = stats;
    }

    /** Gives the place back; only the first call counts. Thread-safe. */
    public void release() {
        if (released.compareAndSet(false, true)) {
            stats.closed();
        }
    }
}
