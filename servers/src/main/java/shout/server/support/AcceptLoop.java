package shout.server.support;

import java.io.Closeable;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import shout.server.ConnectionPermit;
import shout.server.RateLimitedWarning;
import shout.server.ServerStats;

/**
 * The accept loop of the thread-based and selector modes, written once: accept, admit under the cap
 * (or close at once), hand over, repeat until the listener closes. A failed accept (out of
 * descriptors, EMFILE) pauses instead of spinning on the same error, and is logged at most once a
 * second with a count. Runs on the caller's thread.
 */
public final class AcceptLoop<C extends Closeable> implements Runnable {

    /** Accepts one connection, blocking until there is one. */
    public interface Accept<C> {
        C accept() throws IOException;
    }

    /** Takes an admitted connection; it now owns closing it. */
    public interface Handoff<C extends Closeable> {
        void take(Admitted<C> connection);
    }

    private static final System.Logger LOGGER = System.getLogger(AcceptLoop.class.getName());
    private static final long FAILURE_PAUSE_MILLIS = 100;

    private final Accept<C> accept;
    private final BooleanSupplier listenerOpen;
    private final ServerStats stats;
    private final Handoff<C> handoff;
    private final RateLimitedWarning failures = new RateLimitedWarning(LOGGER,
            "accept failed {0} time(s), pausing " + FAILURE_PAUSE_MILLIS + "ms after each; latest: {1}");

    public AcceptLoop(Accept<C> accept, BooleanSupplier listenerOpen, ServerStats stats, Handoff<C> handoff) {
        this.accept = accept;
        this.listenerOpen = listenerOpen;
        this.stats = stats;
        this.handoff = handoff;
    }

    @Override
    public void run() {
        while (listenerOpen.getAsBoolean()) {
            try {
                C connection = accept.accept();
                Optional<ConnectionPermit> permit = Admission.admitOrClose(stats, connection);
                if (permit.isPresent()) {
                    handoff.take(new Admitted<>(connection, permit.get()));
                }
            } catch (IOException e) {
                if (!listenerOpen.getAsBoolean()) {
                    return;                           // stopAccepting() closed the listener under us
                }
                failures.occurred(e.getMessage());
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(FAILURE_PAUSE_MILLIS));
            } catch (RuntimeException e) {
                LOGGER.log(System.Logger.Level.ERROR, "accept loop failed; no new connections", e);
                return;
            }
        }
    }
}
