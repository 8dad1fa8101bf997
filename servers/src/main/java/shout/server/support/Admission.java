package shout.server.support;

import java.io.Closeable;
import java.util.Optional;
import shout.server.ConnectionPermit;
import shout.server.ServerStats;

/**
 * The cap at the door, for every mode: a new connection is admitted with its permit, or closed at once
 * before any byte is read (the rejection is counted and logged by {@link ServerStats#tryOpen()}).
 */
public final class Admission {

    private Admission() {
    }

    /** The connection's permit, or empty once {@code connection} has been closed because the cap is reached. */
    public static Optional<ConnectionPermit> admitOrClose(ServerStats stats, Closeable connection) {
        Optional<ConnectionPermit> permit = stats.tryOpen();
        if (permit.isEmpty()) {
            Lifecycle.close(connection);
        }
        return permit;
    }
}
