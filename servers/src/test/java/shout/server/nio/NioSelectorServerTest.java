package shout.server.nio;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import shout.server.EchoServer;
import shout.server.Mode;
import shout.server.ServerConfig;
import shout.server.ServerStats;
import shout.server.Wire;
import shout.server.app.Servers;

/** What only the selector mode has to get right: its description and backpressure on one buffer (work on the loop: EventLoopWorkContractTest). */
@Timeout(60)
class NioSelectorServerTest {

    @Test
    void describesItselfWithItsReactorCount() throws Exception {
        try (EchoServer server = Servers.start(Mode.NIO, ServerConfig.builder().port(0).threads(3).build())) {
            assertEquals("mode=nio threads=3", server.description());
        }
    }

    @Test
    void aClientThatDoesNotReadIsHeldBackByOneBufferThenGetsEveryByteInOrder() throws Exception {
        int bufferBytes = 4096;
        byte[] payload = new byte[16 << 20];
        new Random(7).nextBytes(payload);
        ServerConfig config = ServerConfig.builder().port(0).threads(1).bufferBytes(bufferBytes).build();
        try (EchoServer server = Servers.start(Mode.NIO, config);
             Socket socket = smallWindowClient(server);
             ExecutorService writer = Executors.newSingleThreadExecutor()) {
            Future<?> written = writer.submit(() -> {
                socket.getOutputStream().write(payload);
                return null;
            });
            // The client reads nothing yet: the server must stop reading rather than buffer the rest.
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                    .until(() -> heldBytes(server) <= bufferBytes);
            assertTrue(server.stats().snapshot().bytesIn() < payload.length, "the server stopped reading");

            byte[] reply = readInSmallSteps(socket.getInputStream(), payload.length);
            written.get(10, SECONDS);
            assertArrayEquals(Wire.expected(payload), reply);
        }
    }

    private static Socket smallWindowClient(EchoServer server) throws Exception {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(64 * 1024);       // before connect, so autotuning cannot grow the window
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()));
        socket.setSoTimeout(20_000);
        return socket;
    }

    /** Bytes read but not yet written back. Reading bytesIn first keeps the difference an upper bound. */
    private static long heldBytes(EchoServer server) {
        ServerStats.Snapshot now = server.stats().snapshot();
        return now.bytesIn() - now.bytesOut();
    }

    private static byte[] readInSmallSteps(InputStream in, int total) throws Exception {
        byte[] all = new byte[total];
        int at = 0;
        while (at < total) {
            int n = in.read(all, at, Math.min(1000, total - at));
            assertTrue(n > 0, "stream ended after " + at + " of " + total + " bytes");
            at += n;
        }
        return all;
    }
}
