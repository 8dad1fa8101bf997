package shout.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Test-side helpers: a loopback client socket and the test's own oracle of the protocol. */
public final class Wire {

    private Wire() {
    }

    /** A client connected to the server on loopback, with a read timeout so a test never hangs. */
    public static Socket connect(EchoServer server, int readTimeoutMillis) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
        socket.setSoTimeout(readTimeoutMillis);
        socket.setTcpNoDelay(true);
        return socket;
    }

    public static Socket connect(EchoServer server) throws IOException {
        return connect(server, 5_000);
    }

    /** What PROTOCOL.md (repository root) says comes back, written independently of {@link UpperCase}. */
    public static byte[] expected(byte[] request) {
        byte[] reply = request.clone();
        for (int i = 0; i < reply.length; i++) {
            if (reply[i] >= 'a' && reply[i] <= 'z') {
                reply[i] = (byte) (reply[i] - 32);
            }
        }
        return reply;
    }

    /** Sends {@code text} and reads back exactly as many bytes. */
    public static String roundTrip(Socket socket, String text) throws IOException {
        byte[] request = text.getBytes(StandardCharsets.UTF_8);
        socket.getOutputStream().write(request);
        return new String(readFully(socket.getInputStream(), request.length), StandardCharsets.UTF_8);
    }

    /**
     * Sends the payload on a new connection from another thread while this one reads the reply, so a
     * payload larger than both sides' socket buffers cannot stall; returns the reply.
     */
    public static byte[] echoWhileWriting(EchoServer server, byte[] payload) throws Exception {
        try (Socket socket = connect(server, 20_000);
             ExecutorService writer = Executors.newSingleThreadExecutor()) {
            Future<?> written = writer.submit(() -> {
                socket.getOutputStream().write(payload);
                return null;
            });
            byte[] reply = readFully(socket.getInputStream(), payload.length);
            written.get(10, TimeUnit.SECONDS);
            return reply;
        }
    }

    /** Reads exactly n bytes or fails: short reads and coalesced replies are both fine. */
    public static byte[] readFully(InputStream in, int n) throws IOException {
        byte[] bytes = in.readNBytes(n);
        if (bytes.length != n) {
            throw new IOException("stream ended after " + bytes.length + " of " + n + " bytes");
        }
        return bytes;
    }
}
