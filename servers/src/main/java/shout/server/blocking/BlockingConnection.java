package shout.server.blocking;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import shout.server.ServerConfig;
import shout.server.ServerStats;
import shout.server.UpperCase;
import shout.server.support.Admitted;
import shout.server.support.ConnectionOptions;
import shout.server.support.IdleTimeout;

/**
 * The per-connection blocking loop, written once for every thread-based mode: read a chunk, do the
 * configured work, upper-case it in place, write it back. Because the write blocks until the bytes are
 * taken, a client that does not read stops this loop from reading: TCP itself pushes back, and the
 * connection never holds more than one buffer. The idle timeout is the read timeout.
 */
final class BlockingConnection implements Runnable {

    private static final System.Logger LOGGER = System.getLogger(BlockingConnection.class.getName());

    private final Admitted<Socket> admitted;
    private final Socket socket;
    private final ServerConfig config;
    private final ServerStats stats;
    private final Runnable onClose;

    BlockingConnection(Admitted<Socket> admitted, ServerConfig config, ServerStats stats, Runnable onClose) {
        this.admitted = admitted;
        this.socket = admitted.connection();
        this.config = config;
        this.stats = stats;
        this.onClose = onClose;
    }

    @Override
    public void run() {
        try (admitted) {
            ConnectionOptions.apply(socket);
            socket.setSoTimeout(IdleTimeout.of(config).readTimeoutMillis());
            echoUntilEndOfInput(socket.getInputStream(), socket.getOutputStream());
            socket.shutdownOutput();                  // input ended and everything owed is written
        } catch (SocketTimeoutException e) {
            IdleTimeout.closing(stats, socket.getRemoteSocketAddress());
        } catch (IOException e) {
            LOGGER.log(System.Logger.Level.DEBUG, "connection {0} ended: {1}", socket.getRemoteSocketAddress(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();       // the server is closing; the socket closes with the try
        } finally {
            onClose.run();
        }
    }

    private void echoUntilEndOfInput(InputStream in, OutputStream out) throws IOException, InterruptedException {
        byte[] buffer = new byte[config.bufferBytes()];
        int n;
        while ((n = in.read(buffer)) > 0) {
            stats.received(n);
            config.work().performBlocking();
            UpperCase.inPlace(buffer, 0, n);
            out.write(buffer, 0, n);
            stats.sent(n);
        }
    }
}
