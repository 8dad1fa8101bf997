package shout.load.engine;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The per-reply timeout of {@code --timeout}: finds the connections whose oldest owed reply was issued
 * (sent) longer ago than the timeout. A scan walks every connection, so it runs at most once per eighth of the
 * timeout: a late reply is caught within that eighth (plus one loop turn) of its deadline. Confined to
 * the I/O thread of its {@link LoadLoop}; it allocates nothing.
 */
final class ReplyTimer {

    private static final int SCANS_PER_TIMEOUT = 8;

    private final long timeoutNanos;
    private final long scanEveryNanos;
    private long nextScanNanos;

    /** @param timeout how late a reply may be; {@link Duration#ZERO} for a timer that never fires */
    ReplyTimer(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
        this.scanEveryNanos = Math.max(1, timeoutNanos / SCANS_PER_TIMEOUT);
    }

    /** Hands every live connection whose oldest owed reply is overdue at {@code nowNanos} to {@code expire}. */
    void expire(long nowNanos, List<LoadConnection> connections, Consumer<LoadConnection> expire) {
        if (timeoutNanos == 0 || nowNanos < nextScanNanos) {
            return;
        }
        nextScanNanos = nowNanos + scanEveryNanos;
        for (LoadConnection connection : connections) {
            if (connection.isLive() && nowNanos - connection.oldestOwedSentNanos(nowNanos) > timeoutNanos) {
                expire.accept(connection);
            }
        }
    }
}
