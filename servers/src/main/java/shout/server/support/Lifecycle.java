package shout.server.support;

import java.io.Closeable;
import java.io.IOException;

/**
 * The two chores of every server's {@code close()}: waiting for a thread without losing an interrupt,
 * and closing a connection whose failure to close is worth a debug line, not an exception.
 */
public final class Lifecycle {

    private static final System.Logger LOGGER = System.getLogger(Lifecycle.class.getName());

    private Lifecycle() {
    }

    /** Waits until {@code thread} has ended; an interrupt meanwhile is kept for the caller. */
    public static void join(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes a socket or channel; a failure (the peer already gone) is logged at DEBUG. */
    public static void close(Closeable connection) {
        try {
            connection.close();
        } catch (IOException e) {
            LOGGER.log(System.Logger.Level.DEBUG, "closing {0}: {1}", connection, e.toString());
        }
    }
}
