package shout.load.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import shout.load.ErrorKind;
import shout.load.IoEngine;

/**
 * How failures become the report's error kinds (by errno for the epoll engine, by what the JDK says for the
 * selector), and that each engine shows a reader the end of a stream.
 */
class PollerTest {

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private static ErrnoException errno(int errno) {
        return new ErrnoException("recv", errno, "whatever the C library says");
    }

    @Test
    void epollFailuresAreClassifiedByErrnoNotByTheirWording() {
        assertEquals(ErrorKind.REFUSED, Poller.classify(errno(ErrnoException.ECONNREFUSED), true));
        assertEquals(ErrorKind.TIMEOUT, Poller.classify(errno(ErrnoException.ETIMEDOUT), true));
        assertEquals(ErrorKind.RESET, Poller.classify(errno(ErrnoException.ECONNRESET), false));
        assertEquals(ErrorKind.TOO_MANY_OPEN_FILES, Poller.classify(errno(ErrnoException.EMFILE), true));
        assertEquals(ErrorKind.TOO_MANY_OPEN_FILES, Poller.classify(errno(ErrnoException.ENFILE), true));
        int ehostunreach = 113;
        assertEquals(ErrorKind.CONNECT_FAILED, Poller.classify(errno(ehostunreach), true));
        int epipe = 32;
        assertEquals(ErrorKind.IO_ERROR, Poller.classify(errno(epipe), false));
    }

    @Test
    void selectorFailuresAreClassifiedByTheJdksExceptions() {
        assertEquals(ErrorKind.REFUSED, Poller.classify(new ConnectException("Connection refused"), true));
        assertEquals(ErrorKind.RESET, Poller.classify(new SocketException("Connection reset by peer"), false));
        assertEquals(ErrorKind.TIMEOUT, Poller.classify(new SocketTimeoutException("Connect timed out"), true));
        assertEquals(ErrorKind.TOO_MANY_OPEN_FILES, Poller.classify(new IOException("Too many open files"), true));
        assertEquals(ErrorKind.CONNECT_FAILED, Poller.classify(new NoRouteToHostException("No route to host"), false));
        assertEquals(ErrorKind.CONNECT_FAILED, Poller.classify(new IOException("Network is unreachable"), true));
        assertEquals(ErrorKind.IO_ERROR, Poller.classify(new IOException("Broken pipe"), false));
    }

    static Stream<IoEngine> engines() {
        return Stream.of(IoEngine.NIO, IoEngine.EPOLL).filter(e -> e != IoEngine.EPOLL || Poller.epollAvailable());
    }

    /** A server that writes its last bytes and closes at once, as a proxy does: data and FIN are queued together. */
    @ParameterizedTest
    @MethodSource("engines")
    @Timeout(10)
    void aCloseThatCameWithTheLastBytesIsSeen(IoEngine engine) throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Poller<String> poller = Poller.open(engine, false)) {
            PolledSocket socket = poller.connect((InetSocketAddress) listener.getLocalSocketAddress(), null, "client");
            try (Socket accepted = listener.accept()) {
                boolean[] connected = {false};
                while (!connected[0]) {
                    poller.poll(POLL_NANOS, (name, readable, writable) -> connected[0] = unchecked(socket::finishConnect));
                }
                socket.watch(false);
                accepted.getOutputStream().write("last".getBytes());
            }                                            // closed: the FIN follows the bytes on loopback at once
            ByteBuffer buffer = ByteBuffer.allocateDirect(64);         // the epoll engine reads into direct buffers only
            boolean[] ended = {false};
            for (int polls = 0; polls < 20 && !ended[0]; polls++) {
                poller.poll(POLL_NANOS, (name, readable, writable) -> {
                    int read;
                    do {                                 // as PolledSocket asks: until a read leaves room
                        buffer.clear();
                        read = unchecked(() -> socket.read(buffer));
                    } while (read > 0 && !buffer.hasRemaining());
                    ended[0] |= read < 0;
                });
            }
            socket.close();
            assertTrue(ended[0], engine + ": the end of the stream was never seen");
        }
    }

    private interface IoCall<V> {
        V call() throws IOException;
    }

    /** A poller's handler may not throw checked exceptions. */
    private static <V> V unchecked(IoCall<V> call) {
        try {
            return call.call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
