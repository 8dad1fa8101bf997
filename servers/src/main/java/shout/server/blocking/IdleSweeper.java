package shout.server.blocking;

import java.util.Collection;
import java.util.concurrent.locks.LockSupport;
import shout.server.support.IdleTimeout;
import shout.server.support.Lifecycle;

/**
 * The idle timeout of the thread-based modes: one named platform thread that looks at every open
 * connection once per sweep interval and closes those idle too long, which ends their blocked read or
 * write. It replaces a read timeout on each socket: with one, the JDK arms a timer on every blocking
 * read (a virtual thread's timed park wakes the fork-join pool's delay scheduler thread; a platform
 * thread polls before it reads), and that per-message cost was the largest single item in the
 * virtual mode's profile. A sweep costs one pass over the connections a second at most.
 */
final class IdleSweeper implements Runnable {

    private final Collection<BlockingConnection> connections;
    private final IdleTimeout idleTimeout;
    private final Thread thread;
    private volatile boolean running = true;

    IdleSweeper(String name, Collection<BlockingConnection> connections, IdleTimeout idleTimeout) {
        this.connections = connections;
        this.idleTimeout = idleTimeout;
        this.thread = Thread.ofPlatform().name(name).unstarted(this);
    }

    void start() {
        thread.start();
    }

    @Override
    public void run() {
        long interval = idleTimeout.sweepIntervalNanos();
        while (running) {
            LockSupport.parkNanos(this, interval);
            long now = System.nanoTime();
            for (BlockingConnection connection : connections) {
                connection.closeIfIdle(now, idleTimeout);
            }
        }
    }

    /** Stops the sweeps and waits for the thread. */
    void stop() {
        running = false;
        LockSupport.unpark(thread);
        Lifecycle.join(thread);
    }
}
