package shout.server.support;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.StandardSocketOptions;
import shout.server.ServerConfig;

/**
 * The listening socket of the thread-based and selector modes: bound with the options every mode
 * shares, and closed by {@code stopAccepting()}. The selector mode passes its channel's
 * {@link java.nio.channels.ServerSocketChannel#socket() socket}, which sets the options on the channel.
 */
public final class Listener {

    private Listener() {
    }

    /**
     * Binds {@code unbound} to the config's host and port with its backlog: SO_REUSEADDR always (a
     * restarted server rebinds over connections in TIME_WAIT), SO_REUSEPORT when the config asks. If
     * any step fails the socket is closed and the failure thrown.
     */
    public static <S extends ServerSocket> S bind(S unbound, ServerConfig config) throws IOException {
        try {
            unbound.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            ServerConfig.Listen listen = config.listen();
            if (listen.reusePort()) {
                unbound.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            }
            unbound.bind(new InetSocketAddress(listen.host(), listen.port()), listen.backlog());
            return unbound;
        } catch (IOException | RuntimeException e) {
            Lifecycle.close(unbound);
            throw e;
        }
    }

    /**
     * Closes the listener so no new connection is accepted; the blocked accept then fails and the
     * accept loop ends. Rethrown unchecked, as {@code EchoServer.stopAccepting()} declares none.
     */
    public static void stopAccepting(Closeable listener) {
        try {
            listener.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
