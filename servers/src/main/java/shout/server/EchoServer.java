package shout.server;

import java.time.Duration;

/**
 * A running upper-casing echo server, already bound. Obtain one from {@code shout.server.app.Servers#start}
 * with a {@link Mode}.
 * Every implementation speaks the same bytes (see PROTOCOL.md at the repository root); they differ only
 * in who waits where.
 */
public interface EchoServer extends AutoCloseable {

    /** The bound local port: the real one, even when the config asked for port 0. */
    int port();

    /** What the start line says after the address, for example {@code mode=nio threads=2}. */
    String description();

    /**
     * The most unsent data, in bytes, this server holds for one connection (received, not yet sent back): its
     * read buffer plus any replies it queues. A client that does not read makes it stop reading at this mark.
     */
    long maxUnsentBytesPerConnection();

    /** The live connection and byte counters; safe to read from any thread. */
    ServerStats stats();

    /** Closes the listening socket; connections already open carry on. Safe to call twice. */
    void stopAccepting();

    /** Stops accepting, closes every connection and joins the server's threads. Safe to call twice. */
    @Override
    void close();

    /**
     * The graceful stop: no new connections, open ones may finish for up to {@code grace}
     * (owed bytes are still sent), then {@link #close()}.
     */
    default void shutdown(Duration grace) throws InterruptedException {
        stopAccepting();
        try {
            stats().awaitNoActive(grace);
        } finally {
            close();
        }
    }
}
