package shout.server;

import java.util.Locale;

/**
 * The server modes. They differ only in who waits where; the bytes on the wire are the same. Start
 * one with {@code shout.server.app.Servers#start}. Each mode carries the traits that follow from how
 * it schedules work, so callers (tests, the compare harness) ask the mode instead of naming it.
 */
public enum Mode {
    /** One connection at a time, served on the accepting thread: the baseline that shows why concurrency exists. */
    SERIAL(Concurrency.ONE_CONNECTION, 0),
    /** The blocking loop on a fixed pool of {@code threads} platform threads; connection N+1 waits for a free one. */
    POOL(Concurrency.ONE_PER_THREAD, 0),
    /** The blocking loop on one platform thread per connection. */
    BLOCKING(Concurrency.UP_TO_CAP, 0),
    /** The blocking loop on one virtual thread per connection. */
    VIRTUAL(Concurrency.UP_TO_CAP, 0),
    /** Non-blocking selector loops: one acceptor, {@code threads} reactors. */
    NIO(Concurrency.UP_TO_CAP, 0),
    /** Netty's event loops over its best transport; replies queue up to a write high-water mark of two buffers. */
    NETTY(Concurrency.UP_TO_CAP, 2);

    /** How many connections a mode serves at once; the others wait in the backlog or the pool's queue. */
    private enum Concurrency { ONE_CONNECTION, ONE_PER_THREAD, UP_TO_CAP }

    private final Concurrency concurrency;
    private final int queuedReplyBuffers;

    Mode(Concurrency concurrency, int queuedReplyBuffers) {
        this.concurrency = concurrency;
        this.queuedReplyBuffers = queuedReplyBuffers;
    }

    /** The name on the command line and in reports: {@code virtual}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a second client waits, unserved, until the first one leaves (serial): there is nothing to reject over the cap. */
    public boolean servesOneClientAtATime() {
        return concurrency == Concurrency.ONE_CONNECTION;
    }

    /**
     * Whether every accepted connection starts a platform thread of its own (blocking): a burst of new
     * connections is then a burst of thread starts, which the JVM makes one at a time.
     */
    public boolean startsPlatformThreadPerConnection() {
        return this == BLOCKING;
    }

    /** Whether {@code threads} caps the connections served at once (pool: one more waits for a free thread). */
    public boolean threadsCapConnections() {
        return concurrency == Concurrency.ONE_PER_THREAD;
    }

    /**
     * The replies, in bytes, this mode may queue per connection before it stops reading: Netty's write
     * high-water mark (NettyServer sets it from here), 0 for the modes that write before they read again.
     */
    public int queuedReplyBytes(ServerConfig config) {
        return queuedReplyBuffers * config.bufferBytes();
    }

    /**
     * The most unsent data (received, not yet sent back) this mode holds per connection under
     * {@code config}: the read buffer plus any queued replies. A client that does not read gets no more.
     */
    public long maxUnsentBytes(ServerConfig config) {
        return (long) config.bufferBytes() + queuedReplyBytes(config);
    }
}
