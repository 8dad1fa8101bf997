package shout.server;

import java.util.Locale;

/**
 * The server modes. They differ only in who waits where; the bytes on the wire are the same. Start
 * one with {@code shout.server.app.Servers#start}.
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
}
