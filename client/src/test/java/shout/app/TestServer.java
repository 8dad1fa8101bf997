package shout.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An upper-casing server for tests (or, from {@link #plainEcho}, one that sends every byte back unchanged), with a hook for the faults the real servers never make: wrong
 * bytes, a stall, an early close. It writes each reply back in pieces of at most {@code pieceBytes}
 * so the client sees replies split across reads. Threading: one platform thread accepts, one virtual
 * thread serves each connection; {@link #close} closes every socket and waits for all of them.
 */
public final class TestServer implements AutoCloseable {

    /** What the server does to each chunk it read, after upper-casing it (a plain echo server: as read). */
    public interface Fault {
        /**
         * May change {@code chunk} in place or stall. Returns how many of the bytes to send back, or -1
         * to close the connection instead.
         */
        int apply(byte[] chunk, int length, long streamOffset);
    }

    /** The honest server: no fault. */
    public static final Fault NONE = (chunk, length, offset) -> length;

    private final ServerSocket listener;
    private final Fault fault;
    private final int pieceBytes;
    private final boolean upperCase;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Set<InetAddress> peers = ConcurrentHashMap.newKeySet();
    private final ExecutorService connections = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("test-server-conn-", 0).factory());
    private final Thread acceptor;

    private TestServer(Fault fault, int pieceBytes, boolean upperCase) throws IOException {
        this.listener = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
        this.fault = fault;
        this.pieceBytes = pieceBytes;
        this.upperCase = upperCase;
        this.acceptor = Thread.ofPlatform().name("test-server-acceptor").start(this::acceptLoop);
    }

    public static TestServer start(Fault fault, int pieceBytes) throws IOException {
        return new TestServer(fault, pieceBytes, true);
    }

    /** A plain echo server, as RFC 862 and Netty's echo example are: every byte back as it came, unless {@code fault} says otherwise. */
    public static TestServer plainEcho(Fault fault, int pieceBytes) throws IOException {
        return new TestServer(fault, pieceBytes, false);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** The addresses the connections accepted so far came from. */
    public Set<InetAddress> peers() {
        return Set.copyOf(peers);
    }

    /** A loopback port that nobody listens on: one the kernel just gave out and took back. */
    public static int closedPort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                socket.setTcpNoDelay(true);
                peers.add(socket.getInetAddress());
                open.add(socket);
                connections.execute(() -> serve(socket));
            } catch (IOException e) {
                if (!listener.isClosed()) {
                    throw new IllegalStateException("accept failed", e);
                }
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            byte[] chunk = new byte[4096];
            long streamOffset = 0;
            for (int length; (length = in.read(chunk)) > 0; streamOffset += length) {
                for (int i = 0; upperCase && i < length; i++) {
                    chunk[i] = chunk[i] >= 'a' && chunk[i] <= 'z' ? (byte) (chunk[i] - 32) : chunk[i];
                }
                int replyBytes = fault.apply(chunk, length, streamOffset);
                if (replyBytes < 0) {
                    return;
                }
                for (int sent = 0; sent < replyBytes; sent += pieceBytes) {
                    out.write(chunk, sent, Math.min(pieceBytes, replyBytes - sent));
                }
            }
        } catch (IOException e) {
            System.getLogger(TestServer.class.getName()).log(System.Logger.Level.DEBUG, "test connection ended", e);
        } finally {
            open.remove(socket);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        listener.close();
        acceptor.join();
        for (Socket socket : open) {
            socket.close();
        }
        connections.close();
    }
}
