package shout.server.nio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.concurrent.Executor;
import shout.server.ServerStats;
import shout.server.UpperCase;
import shout.server.support.Admitted;
import shout.server.support.IdleTimeout;
import shout.server.work.WorkPlan;
import shout.server.work.WorkPolicy;

/**
 * One accepted connection of the selector mode. It reads into its reactor's shared direct buffer,
 * upper-cases there and writes back from there, so a connection holds no buffer of its own while
 * nothing is owed: only bytes that must wait (a partial write, or work that is not done yet) are
 * copied into a buffer of their exact size, dropped once sent. While a reply is owed the connection
 * does not read, so it never holds more than one read's worth and a client that does not read is
 * slowed by TCP itself.
 *
 * <p>Each chunk's work is carried out as the {@link WorkPolicy} plans it: a delayed reply waits for its
 * reactor's timers (one, or one per wait of a fan-out, the reply after the last), offloaded work runs
 * on the offload pool.
 *
 * <p>Threading: confined to its reactor's thread. The one exception is an offloaded task, which burns
 * the chunk's cost on a pool thread without touching this state and then asks the reactor to
 * {@link #resumeAfterWork() resume} the connection.
 */
final class NioConnection {

    private static final System.Logger LOGGER = System.getLogger(NioConnection.class.getName());

    /** READING: buffer empty, waiting for bytes. WORKING: bytes read, reply not due yet. WRITING: reply partly sent. */
    private enum State { READING, WORKING, WRITING, CLOSED }

    private final Admitted<SocketChannel> admitted;
    private final SocketChannel channel;
    private final NioReactor reactor;
    private final ServerStats stats;
    private final WorkPolicy policy;
    private final Executor offload;
    /** The bytes owed to the client that could not go out at once; null while nothing is owed. */
    private ByteBuffer owed;
    private final Runnable offloadedWork;
    /** The plan whose cost the offload pool is burning: written before the hand-over, which publishes it. */
    private WorkPlan.Offload offloaded;
    private final SelectionKey key;
    private State state = State.READING;
    /** The key's interest set as last asked for: only a change reaches the key, and each change costs the selector an epoll_ctl. */
    private int interestOps = SelectionKey.OP_READ;
    private long lastActivityNanos;
    /** The reactor timers still to fire before the reply of the chunk being worked on: its waits. */
    private int timersPending;

    /** Registers the admitted channel (already non-blocking) with the reactor's selector for reading. */
    NioConnection(Admitted<SocketChannel> admitted, Selector selector, NioReactor reactor, ServerStats stats,
                  WorkPolicy policy, Executor offload) throws IOException {
        this.admitted = admitted;
        this.channel = admitted.connection();
        this.reactor = reactor;
        this.stats = stats;
        this.policy = policy;
        this.offload = offload;
        this.offloadedWork = this::burnThenHandBack;
        this.lastActivityNanos = reactor.now();
        this.key = channel.register(selector, SelectionKey.OP_READ, this);   // last: publishes a complete object
    }

    /** Handles the selector's readiness report for this connection. */
    void onReady(int readyOps) {
        try {
            if (state == State.WRITING && (readyOps & SelectionKey.OP_WRITE) != 0) {
                flush();
            } else if (state == State.READING && (readyOps & SelectionKey.OP_READ) != 0) {
                read();
            } else if (state == State.WORKING && (readyOps & SelectionKey.OP_READ) != 0) {
                // The peer sent more (or hung up) before its reply: stop watching, or the level-triggered selector spins.
                interest(0);
            }
        } catch (IOException e) {
            LOGGER.log(System.Logger.Level.DEBUG, "connection {0} ended: {1}", channel, e.toString());
            close();
        }
    }

    /** One of the chunk's waits has passed: the last one sends its reply. */
    void timerFired() {
        if (--timersPending == 0) {
            resumeAfterWork();
        }
    }

    /** Sends the reply of the chunk whose work has finished (its waits passed, or its offloaded burn ended); ignored once closed. */
    void resumeAfterWork() {
        if (state != State.WORKING) {
            return;
        }
        try {
            ByteBuffer worked = owed;
            owed = null;
            reply(worked);
        } catch (IOException e) {
            LOGGER.log(System.Logger.Level.DEBUG, "connection {0} ended: {1}", channel, e.toString());
            close();
        }
    }

    /**
     * Closes the connection if no byte went either way for longer than the idle timeout. A connection
     * whose work is still running is not idle: the server owes it a reply.
     */
    void closeIfIdle(long nowNanos, IdleTimeout idleTimeout) {
        if (state != State.WORKING && state != State.CLOSED && idleTimeout.expired(lastActivityNanos, nowNanos)) {
            IdleTimeout.closing(stats, channel);
            close();
        }
    }

    /** Releases the channel and the connection's place under the cap; safe to call twice. */
    void close() {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        owed = null;
        key.cancel();
        admitted.close();
    }

    private void read() throws IOException {
        ByteBuffer buffer = reactor.readBuffer();
        buffer.clear();
        int n = channel.read(buffer);
        if (n < 0) {
            // Reads happen only with nothing owed, so end of input means: half-close back, then close.
            channel.shutdownOutput();
            close();
            return;
        }
        if (n > 0) {
            stats.received(n);
            lastActivityNanos = reactor.now();
            buffer.flip();
            startWork(buffer);
        }
    }

    private void startWork(ByteBuffer received) throws IOException {
        switch (policy.startWork(received.get(received.position()))) {
            case WorkPlan.ReplyNow now -> reply(received);
            case WorkPlan.ReplyAfter delay -> {
                pause(received);
                timersPending = 1;
                reactor.fireAfter(this, delay.delayNanos());
            }
            case WorkPlan.ReplyAfterAll fanOut -> {
                pause(received);
                List<Long> delays = fanOut.delaysNanos();
                timersPending = delays.size();
                for (int i = 0; i < delays.size(); i++) {
                    reactor.fireAfter(this, delays.get(i));
                }
            }
            case WorkPlan.Offload plan -> {
                pause(received);
                offloaded = plan;
                offload.execute(offloadedWork);
            }
        }
    }

    /**
     * Keeps the received bytes (the shared buffer is the next connection's) and reads nothing more until
     * the work is done. The key keeps watching for reads meanwhile: a client that waits for its reply
     * sends nothing, so most chunks then cost no change of the interest set, where stopping and resuming
     * the watch cost the selector two epoll_ctl calls a chunk (docs/findings.md, "nio: a reply that waits leaves the key alone").
     */
    private void pause(ByteBuffer received) {
        owed = copyOf(received);
        state = State.WORKING;
    }

    /** Runs on an offload thread. */
    private void burnThenHandBack() {
        offloaded.cost().burn();
        reactor.resumeFromWorker(this);
    }

    private void reply(ByteBuffer reply) throws IOException {
        UpperCase.inPlace(reply, reply.position(), reply.limit());
        write(reply);
        if (reply.hasRemaining()) {
            // Stop reading until the client takes what it is owed; OP_WRITE only while output is pending, or the selector spins.
            owed = reply.isDirect() ? copyOf(reply) : reply;
            state = State.WRITING;
            interest(SelectionKey.OP_WRITE);
        } else {
            state = State.READING;
            interest(SelectionKey.OP_READ);
        }
    }

    /** Sends more of what is owed; reading resumes once all of it is out. */
    private void flush() throws IOException {
        write(owed);
        if (!owed.hasRemaining()) {
            owed = null;
            state = State.READING;
            interest(SelectionKey.OP_READ);
        }
    }

    /** Asks the key for {@code ops} unless that is what it watches already (no atomic, no validity check, no epoll_ctl). */
    private void interest(int ops) {
        if (ops != interestOps) {
            interestOps = ops;
            key.interestOps(ops);
        }
    }

    private void write(ByteBuffer bytes) throws IOException {
        int n = channel.write(bytes);
        if (n > 0) {
            stats.sent(n);
            lastActivityNanos = reactor.now();
        }
    }

    /** A heap copy of the buffer's remaining bytes, exactly their size. */
    private static ByteBuffer copyOf(ByteBuffer bytes) {
        ByteBuffer copy = ByteBuffer.allocate(bytes.remaining());
        copy.put(bytes).flip();
        return copy;
    }
}
