package shout.load.engine;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.List;
import shout.load.ErrorKind;
import shout.load.LoadConfig;
import shout.load.io.PolledSocket;
import shout.load.io.Poller;

/**
 * Opens one I/O thread's connections: each when its turn under {@code --connect-rate} comes, without
 * blocking, and fails those still connecting after {@code --connect-timeout}. It tells the owning
 * {@link LoadLoop} how each one settled. Confined to that loop's thread.
 */
final class Connector {

    /** How a connect settled, told to the loop that owns the connection. */
    interface Outcome {
        void established(LoadConnection connection);

        void connectFailed(LoadConnection connection, ErrorKind kind, String reason);
    }

    private final LoadConfig config;
    private final InetSocketAddress address;
    private final List<LoadConnection> connections;
    private final Poller<LoadConnection> poller;
    private final Outcome outcome;
    private final long startNanos;
    /** Connects in progress, oldest (so nearest deadline) first. */
    private final ArrayDeque<LoadConnection> connecting = new ArrayDeque<>();
    private int nextToOpen;

    Connector(LoadConfig config, InetSocketAddress address, List<LoadConnection> connections, Poller<LoadConnection> poller,
              Outcome outcome, long startNanos) {
        this.config = config;
        this.address = address;
        this.connections = connections;
        this.poller = poller;
        this.outcome = outcome;
        this.startNanos = startNanos;
    }

    /** Opens the connections whose turn has come and fails the connects that ran out of time. */
    void advance(long nowNanos) {
        while (nextToOpen < connections.size() && dueNanos(nextToOpen) <= nowNanos) {
            open(connections.get(nextToOpen++), nowNanos);
        }
        while (!connecting.isEmpty()) {
            LoadConnection head = connecting.peekFirst();
            if (!head.isSettled() && head.connectDeadlineNanos() > nowNanos) {
                return;
            }
            connecting.pollFirst();
            if (!head.isSettled()) {
                outcome.connectFailed(head, ErrorKind.TIMEOUT, "connect timed out after " + config.timeouts().connect().toMillis() + " ms");
            }
        }
    }

    /** When {@link #advance} next has work: the next turn to open or the nearest connect deadline. */
    long nextDueNanos(long laterThanNanos) {
        long due = laterThanNanos;
        if (nextToOpen < connections.size()) {
            due = Math.min(due, dueNanos(nextToOpen));
        }
        if (!connecting.isEmpty()) {
            due = Math.min(due, connecting.peekFirst().connectDeadlineNanos());
        }
        return due;
    }

    /** The poller says a connect in progress settled: finish it and tell how. */
    void finish(LoadConnection connection) {
        try {
            if (connection.socket().finishConnect()) {
                outcome.established(connection);
            }
        } catch (IOException e) {
            failed(connection, e);
        }
    }

    private long dueNanos(int localIndex) {
        if (config.pacing().connectsPerSecond() == 0) {
            return startNanos;
        }
        return startNanos + (long) (connections.get(localIndex).index() * 1e9 / config.pacing().connectsPerSecond());
    }

    /** The {@code --source} address of connection {@code index}: the addresses in turn, or null for the kernel's choice. */
    private InetAddress source(int index) {
        List<InetAddress> sources = config.connections().sources();
        return sources.isEmpty() ? null : sources.get(index % sources.size());
    }

    private void open(LoadConnection connection, long nowNanos) {
        try {
            PolledSocket socket = poller.connect(address, source(connection.index()), connection);
            connection.attach(socket, nowNanos + config.timeouts().connect().toNanos());
            if (socket.finishConnect()) {
                outcome.established(connection);
            } else {
                connecting.add(connection);
            }
        } catch (IOException e) {
            failed(connection, e);
        }
    }

    private void failed(LoadConnection connection, IOException e) {
        ErrorKind kind = Poller.classify(e, true);
        outcome.connectFailed(connection, kind, ErrorKind.describe(kind, e));
    }
}
