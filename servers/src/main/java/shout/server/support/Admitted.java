package shout.server.support;

import java.io.Closeable;
import shout.server.ConnectionPermit;

/**
 * A connection that passed {@link Admission}, with its permit: closing it closes the socket and gives
 * its place under the cap back, exactly once however many paths close it. Thread-safe.
 *
 * @param connection the accepted socket or channel
 * @param permit     its place under the cap
 */
public record Admitted<C extends Closeable>(C connection, ConnectionPermit permit) implements Closeable {

    /** Closes the connection (a failure is logged at DEBUG) and releases its permit. */
    @Override
    public void close() {
        try {
            Lifecycle.close(connection);
        } finally {
            permit.release();
        }
    }
}
