package shout.server.nio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import shout.server.ServerConfig;
import shout.server.ServerStats;
import shout.server.support.Admitted;
import shout.server.support.ConnectionOptions;
import shout.server.support.IdleTimeout;
import shout.server.support.Lifecycle;
import shout.server.work.OffloadPool;
import shout.server.work.WorkPolicy;

/**
 * One selector loop serving its share of the connections: registers connections handed over by the
 * acceptor, dispatches readiness, fires the timers of delayed replies and closes idle connections.
 *
 * <p>Threading: one named thread ({@code echo-nio-reactor-N}) owns the selector and every
 * {@link NioConnection} on it. Other threads talk to it only through two queues plus
 * {@link Selector#wakeup()}: the acceptor through {@link #register}, offload threads through
 * {@link #resumeFromWorker}. {@link #close()} is called by the server once the acceptor has stopped.
 */
final class NioReactor implements Runnable {

    private static final System.Logger LOGGER = System.getLogger(NioReactor.class.getName());

    private final ServerStats stats;
    private final WorkPolicy policy;
    private final OffloadPool offload;
    private final Selector selector;
    private final Thread thread;
    private final Queue<Admitted<SocketChannel>> incoming = new ConcurrentLinkedQueue<>();
    private final Queue<NioConnection> workedOff = new ConcurrentLinkedQueue<>();
    /** The timers of delayed replies, kept as cheaply as the policy's delays allow. */
    private final ReplyTimers<NioConnection> timers;
    /**
     * The keys the last select reported ready, served once it has returned rather than from inside it:
     * inside, a message's path runs five JDK frames below the selector's, and C2, which inlines at most
     * 15 levels deep, then compiled the upper-casing's memory accesses as calls ({@code -XX:+PrintInlining}:
     * "inlining too deep"), a third of the core at 4 KiB messages in the JVMs where that happened.
     */
    private SelectionKey[] ready = new SelectionKey[64];
    private int readyCount;
    private final Consumer<SelectionKey> collect = this::collect;
    private final IdleTimeout idleTimeout;
    /**
     * Every connection of this loop reads into this one buffer and replies from it; direct, so the
     * JDK reads and writes it without copying through a temporary direct buffer of its own.
     */
    private final ByteBuffer readBuffer;
    private final long sweepIntervalNanos;
    private volatile boolean running = true;
    private volatile boolean loopEnded;
    private long now = System.nanoTime();
    private long nextSweepNanos;

    /** Opens the selector; the thread starts with {@link #start()}. */
    NioReactor(int index, ServerConfig config, ServerStats stats, WorkPolicy policy, OffloadPool offload) throws IOException {
        this.stats = stats;
        this.policy = policy;
        this.offload = offload;
        this.timers = ReplyTimers.forPolicy(policy);
        this.idleTimeout = IdleTimeout.of(config);
        this.sweepIntervalNanos = idleTimeout.sweepIntervalNanos();
        this.readBuffer = ByteBuffer.allocateDirect(config.bufferBytes());
        this.selector = Selector.open();
        this.thread = Thread.ofPlatform().name("echo-nio-reactor-" + index).unstarted(this);
    }

    void start() {
        thread.start();
    }

    /** Hands an admitted connection to this reactor; called by the acceptor. */
    void register(Admitted<SocketChannel> admitted) {
        incoming.add(admitted);
        if (loopEnded) {
            releaseIncoming();                        // the loop failed: nobody else will take it
        } else {
            selector.wakeup();
        }
    }

    /** Called by an offload thread when the connection's offloaded work is done. */
    void resumeFromWorker(NioConnection connection) {
        workedOff.add(connection);
        selector.wakeup();                            // a no-op once the selector is closed
    }

    /** Calls the connection's {@link NioConnection#timerFired()} once {@code delayNanos} have passed; reactor thread only. */
    void fireAfter(NioConnection connection, long delayNanos) {
        timers.arm(connection, now + delayNanos);
    }

    /** The loop's shared read buffer; a connection may use it only until it returns to the loop. Reactor thread only. */
    ByteBuffer readBuffer() {
        return readBuffer;
    }

    /** The loop's clock, refreshed before each ready connection is served and after them all; reactor thread only. */
    long now() {
        return now;
    }

    @Override
    public void run() {
        try {
            nextSweepNanos = now + sweepIntervalNanos;
            while (running) {
                selectUntilNextDeadline();
                serveReady();
                now = System.nanoTime();
                registerIncoming();
                resumeWorkedOff();
                fireDueTimers();
                sweepIdleIfDue();
            }
        } catch (IOException | RuntimeException e) {
            LOGGER.log(System.Logger.Level.ERROR, thread.getName() + " failed; closing its connections", e);
        } finally {
            loopEnded = true;
            releaseAll();
        }
    }

    /** Stops the loop, waits for its thread, and releases whatever it left; safe to call twice. */
    void close() {
        running = false;
        selector.wakeup();
        Lifecycle.join(thread);
        releaseAll();                                 // the thread is gone (or never started): its state is ours now
    }

    private void selectUntilNextDeadline() throws IOException {
        long deadline = timers.earliestDue(nextSweepNanos);
        long waitNanos = deadline - System.nanoTime();
        if (waitNanos <= 0) {
            selector.selectNow(collect);
        } else {
            // Round up: waking a little late costs nothing, waking early costs another spin of the loop.
            selector.select(collect, TimeUnit.NANOSECONDS.toMillis(waitNanos + 999_999));
        }
    }

    private void collect(SelectionKey key) {
        if (readyCount == ready.length) {
            ready = Arrays.copyOf(ready, 2 * readyCount);
        }
        ready[readyCount++] = key;
    }

    private void serveReady() {
        for (int i = 0; i < readyCount; i++) {
            SelectionKey key = ready[i];
            ready[i] = null;
            if (key.isValid()) {                      // a key cancelled since the select has no connection left to serve
                now = System.nanoTime();
                ((NioConnection) key.attachment()).onReady(key.readyOps());
            }
        }
        readyCount = 0;
    }

    private void registerIncoming() {
        for (Admitted<SocketChannel> admitted; (admitted = incoming.poll()) != null; ) {
            try {
                admitted.connection().configureBlocking(false);
                ConnectionOptions.apply(admitted.connection().socket());
                new NioConnection(admitted, selector, this, stats, policy, offload);
            } catch (IOException e) {
                LOGGER.log(System.Logger.Level.DEBUG, "could not register {0}: {1}", admitted.connection(), e.toString());
                admitted.close();
            }
        }
    }

    private void resumeWorkedOff() {
        for (NioConnection connection; (connection = workedOff.poll()) != null; ) {
            connection.resumeAfterWork();
        }
    }

    private void fireDueTimers() {
        for (NioConnection due; (due = timers.pollDue(now)) != null; ) {
            due.timerFired();
        }
    }

    private void sweepIdleIfDue() {
        if (now - nextSweepNanos < 0) {
            return;
        }
        nextSweepNanos = now + sweepIntervalNanos;
        for (SelectionKey key : selector.keys()) {
            ((NioConnection) key.attachment()).closeIfIdle(now, idleTimeout);
        }
    }

    private void releaseAll() {
        if (selector.isOpen()) {
            for (SelectionKey key : selector.keys()) {
                ((NioConnection) key.attachment()).close();
            }
            timers.clear();
            try {
                selector.close();
            } catch (IOException e) {
                LOGGER.log(System.Logger.Level.WARNING, "closing the selector of {0}: {1}", thread.getName(), e.toString());
            }
        }
        releaseIncoming();
    }

    private void releaseIncoming() {
        for (Admitted<SocketChannel> admitted; (admitted = incoming.poll()) != null; ) {
            admitted.close();
        }
    }
}
