package shout.server.support;

import java.io.IOException;
import java.net.Socket;

/**
 * The socket options every mode sets on an accepted connection, chosen once. Netty sets the same
 * values as child options from the constants here.
 */
public final class ConnectionOptions {

    /** Nagle off: a reply goes out at once instead of waiting to be coalesced with the next (Netty's default too). */
    public static final boolean TCP_NODELAY = true;

    private ConnectionOptions() {
    }

    /** Applies the options to an accepted socket, or a channel's {@link java.nio.channels.SocketChannel#socket() socket}. */
    public static void apply(Socket accepted) throws IOException {
        accepted.setTcpNoDelay(TCP_NODELAY);
    }
}
