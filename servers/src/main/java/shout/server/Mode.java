package shout.server;

import java.util.Locale;

/**
 * The server modes. They differ only in who waits where; the bytes on the wire are the same. Start
 * one with {@code shout.server.app.Servers#start}; a running server reports its own limits
 * ({@link EchoServer#maxUnsentBytesPerConnection()}). The command line, its help and {@code shout server
 * --list-modes} list these constants in lower case, so this enum is the one list of modes.
 */
public enum Mode {
    /** One connection at a time, served on the accepting thread: the baseline that shows why concurrency exists. */
    SERIAL,
    /** The blocking loop on a fixed pool of {@code threads} platform threads; connection N+1 waits for a free one. */
    POOL,
    /** The blocking loop on one platform thread per connection. */
    BLOCKING,
    /** The blocking loop on one virtual thread per connection. */
    VIRTUAL,
    /** Non-blocking selector loops: one acceptor, {@code threads} reactors. */
    NIO,
    /** Netty's event loops over its best transport. */
    NETTY;

    /** The name on the command line and in reports: {@code virtual}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether every accepted connection starts a platform thread of its own (blocking): a burst of new
     * connections is then a burst of thread starts, which the JVM makes one at a time.
     */
    public boolean startsPlatformThreadPerConnection() {
        return this == BLOCKING;
    }
}
