package shout.load.engine;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import shout.load.ErrorKind;
import shout.load.LoadConfig;
import shout.load.Phase;
import shout.load.io.Poller;

/**
 * One I/O thread's share of the connections. Threading model: this runnable is the only code that
 * touches its {@link Poller}, its connections and its {@link LoopStats}; it runs on one named thread
 * ({@code load-io-N}) until the coordinator sets the phase to STOP and wakes the poller. Each turn
 * it reads the shared phase once, lets its {@link Connector} open the connections that are due and
 * expire slow connects, fires the open loop's due sends, then waits in the poller until the next
 * due time (at most 100 ms). The open loop's timer wakes at most once per {@link #SEND_BATCH_NANOS} and then
 * sends everything due: waking for each send cost more than the send itself, so sends go out in batches, each
 * at most that late (the report's lateness shows it). For the same reason it does not wake for each reply
 * either: while its next send is at most {@link #SLEEP_THROUGH_REPLIES_NANOS} away and no due message waits
 * for a reply, it sleeps through replies ({@link Poller#pollAfter}) and reads them with the next batch, timed
 * by the kernel's arrival stamp where the engine takes one, so reading them late does not make them slow.
 * On STOP it closes every socket and its poller.
 */
final class LoadLoop implements Runnable, Connector.Outcome, Poller.Handler<LoadConnection> {

    private static final System.Logger LOGGER = System.getLogger(LoadLoop.class.getName());
    private static final long HOUSEKEEPING_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final int READ_BUFFER_BYTES = 64 * 1024;
    /**
     * The least time between two timer wake-ups of the open loop. A fifth of {@link shout.load.OpenLoopTimes#LATE_NANOS},
     * so batching alone never makes a run read client-late; at 20k msgs/s on one thread it batches four sends a wake.
     */
    static final long SEND_BATCH_NANOS = TimeUnit.MICROSECONDS.toNanos(200);
    /**
     * The longest the open loop leaves replies unread: longer waits end at the first reply, so at low rates a
     * reply is read (and a per-reply timeout or the run's end sees it) when it comes.
     */
    static final long SLEEP_THROUGH_REPLIES_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final RunControl control;
    private final OpenLoopSchedule schedule;
    private final List<LoadConnection> connections;
    private final LoopStats stats;
    private final Poller<LoadConnection> poller;
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_BUFFER_BYTES);
    private final Connector connector;
    private final ReplyTimer replyTimer;
    private final Consumer<LoadConnection> expireLate = late -> lose(late, ErrorKind.REPLY_TIMEOUT);
    private Stage stage = Stage.CONNECTING;
    private int unsettled;
    private int live;
    private int tickCursor;
    private long tickRound;
    /** When this loop last fired the open loop's due sends. */
    private long lastFireNanos;
    private boolean doneSignalled;
    private volatile Exception failure;

    /** @param schedule the open loop's schedule, or null for a closed loop */
    LoadLoop(LoadConfig config, RunControl control, InetSocketAddress address, OpenLoopSchedule schedule,
             List<LoadConnection> connections, LoopStats stats, long connectStartNanos) throws IOException {
        this.control = control;
        this.schedule = schedule;
        this.connections = connections;
        this.stats = stats;
        this.unsettled = connections.size();
        this.poller = Poller.open(config.io(), schedule != null);
        this.connector = new Connector(config, address, connections, poller, this, connectStartNanos);
        this.replyTimer = new ReplyTimer(config.timeouts().reply());
    }

    /** Wakes the thread so it sees a new phase now rather than at its next timeout. */
    void wakeup() {
        poller.wakeup();
    }

    /** Closes the poller of a loop that will never run; {@link #run} closes its own. */
    void close() {
        poller.close();
    }

    /** The I/O engine this loop runs on: {@code nio} or {@code epoll}. */
    String engine() {
        return poller.engine();
    }

    /** The failure that ended this loop early, or null. */
    Exception failure() {
        return failure;
    }

    @Override
    public void run() {
        try (poller) {
            while (enter(control.phase())) {
                long nowNanos = System.nanoTime();
                connector.advance(nowNanos);
                replyTimer.expire(nowNanos, connections, expireLate);
                fireDueSends(nowNanos);
                long waitNanos = waitNanos(System.nanoTime());
                try {
                    if (sleepsThroughReplies(waitNanos)) {
                        poller.pollAfter(waitNanos, this);
                    } else {
                        poller.poll(waitNanos, this);
                    }
                } finally {
                    stats.endPass();
                }
                signalIfDone();
            }
        } catch (IOException | RuntimeException e) {
            LOGGER.log(System.Logger.Level.ERROR, "load I/O thread failed", e);
            failure = e;
        } finally {
            connections.forEach(LoadConnection::closeSocket);
        }
    }

    /**
     * Follows the run into {@code next}. The warm-up and the measured part look alike to the loop ({@link
     * Stage#SENDING}): what counts is chosen by the time it happens ({@link LoopStats#sinkAt}), so the code
     * compiled in the warm-up carries on unchanged when measuring begins.
     */
    private boolean enter(Phase next) {
        Stage now = Stage.BY_PHASE[next.ordinal()];
        if (now == stage) {
            return true;
        }
        stage = now;
        switch (now) {
            case SENDING -> startTraffic();
            case STOPPED -> {
                return false;
            }
            case CONNECTING -> throw new IllegalStateException("a run never returns to " + next);
        }
        return true;
    }

    /** What the loop does in a phase; looked up by the phase's ordinal, not branched on. */
    private enum Stage {
        CONNECTING, SENDING, STOPPED;

        private static final Stage[] BY_PHASE = Arrays.stream(Phase.values()).map(Stage::of).toArray(Stage[]::new);

        private static Stage of(Phase phase) {
            return switch (phase) {
                case CONNECT, WAIT -> CONNECTING;           // loops never see WAIT: they stay connected and idle
                case WARMUP, MEASURE -> SENDING;
                case STOP -> STOPPED;
            };
        }
    }

    private void startTraffic() {
        if (schedule != null) {
            return;                                   // the open loop's sends start at their scheduled times
        }
        long nowNanos = System.nanoTime();
        for (LoadConnection connection : connections) {
            if (connection.isLive()) {
                try {
                    connection.send(nowNanos);
                } catch (IOException e) {
                    lose(connection, Poller.classify(e, false));
                }
            }
        }
    }

    private void fireDueSends(long nowNanos) {
        if (schedule == null || stage == Stage.CONNECTING) {
            return;
        }
        lastFireNanos = nowNanos;
        while (schedule.sendNanos(connections.get(tickCursor).index(), tickRound) <= nowNanos) {
            LoadConnection connection = connections.get(tickCursor);
            if (connection.isLive()) {
                try {
                    connection.scheduledOneMore(nowNanos);
                } catch (IOException e) {
                    lose(connection, Poller.classify(e, false));
                }
            }
            if (++tickCursor == connections.size()) {
                tickCursor = 0;
                tickRound++;
            }
        }
    }

    private long waitNanos(long nowNanos) {
        long until = connector.nextDueNanos(nowNanos + HOUSEKEEPING_NANOS);
        if (schedule != null && stage != Stage.CONNECTING) {
            long nextSendNanos = schedule.sendNanos(connections.get(tickCursor).index(), tickRound);
            until = Math.min(until, Math.max(nextSendNanos, lastFireNanos + SEND_BATCH_NANOS));
        }
        return Math.max(0, until - nowNanos);
    }

    /** True when the open loop's next batch of sends is near and no due message waits for a reply. */
    private boolean sleepsThroughReplies(long waitNanos) {
        return schedule != null && stage != Stage.CONNECTING && waitNanos <= SLEEP_THROUGH_REPLIES_NANOS
                && stats.connectionsHeldBack == 0;
    }

    @Override
    public void ready(LoadConnection connection, boolean readable, boolean writable) {
        stats.latency.beginPass();                    // the first ready connection of this poll begins the pass
        try {
            if (!connection.isEstablished()) {
                connector.finish(connection);
                return;
            }
            if (readable && !readAll(connection)) {
                lose(connection, ErrorKind.UNEXPECTED_CLOSE);
                return;
            }
            if (writable) {
                connection.flush(System.nanoTime());
            }
        } catch (IOException e) {
            lose(connection, Poller.classify(e, false));
        }
    }

    /**
     * Reads until the socket has nothing more for now (a read that leaves the buffer room drained it),
     * as an edge-triggered poller requires; false when the server closed the connection.
     */
    private boolean readAll(LoadConnection connection) throws IOException {
        do {
            if (!connection.read(readBuffer)) {
                return false;
            }
        } while (!readBuffer.hasRemaining() && connection.isLive());
        return true;
    }

    @Override
    public void established(LoadConnection connection) {
        try {
            connection.established();
        } catch (IOException e) {
            ErrorKind kind = Poller.classify(e, true);
            connectFailed(connection, kind, ErrorKind.describe(kind, e));
            return;
        }
        unsettled--;
        live++;
        control.connectionUp();
    }

    @Override
    public void connectFailed(LoadConnection connection, ErrorKind kind, String reason) {
        connection.connectFailed();
        stats.count(kind, 1);
        stats.connectionsFailed++;
        unsettled--;
        control.connectionFailed(reason);
    }

    private void lose(LoadConnection connection, ErrorKind kind) {
        if (connection.isLive()) {
            connection.end(kind);
            live--;
        }
    }

    private void signalIfDone() {
        if (doneSignalled || unsettled > 0) {
            return;
        }
        boolean budgetDone = control.budgetSpent() && stats.outstandingMeasured == 0;   // only measured messages spend it
        if (live == 0 || budgetDone) {
            doneSignalled = true;
            control.loopDone();
        }
    }
}
