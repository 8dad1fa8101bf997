package shout.server;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import shout.server.app.Servers;

/**
 * A graceful stop while clients are mid-transfer: no new connection is accepted, every byte already
 * sent is echoed and open connections keep working within the grace period, then every connection
 * is closed. Half the clients finish
 * on their own; the other half stay, so the grace period runs out and the server closes them.
 */
@Timeout(60)
class GracefulShutdownTest {

    private static final Duration GRACE = Duration.ofSeconds(2);
    private static final int REQUEST_BYTES = 32 * 1024;

    /** Serial serves one client at a time by nature, so only one can be mid-transfer. */
    private static int clients(Mode mode) {
        return ModeTraits.servesOneClientAtATime(mode) ? 1 : 100;
    }

    @ParameterizedTest
    @MethodSource("shout.server.EchoServerContractTest#modes")
    void stopRefusesNewcomersDeliversWhatIsOwedThenCloses(Mode mode) throws Exception {
        int clients = clients(mode);
        EchoServer server = Servers.start(mode, ServerConfig.builder().port(0).threads(clients).grace(GRACE).build());
        CountDownLatch allSent = new CountDownLatch(clients);
        CountDownLatch stopping = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> transfers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                boolean staysAfterReply = i % 2 == 1;
                long seed = i;
                transfers.add(pool.submit(() -> midTransfer(server, seed, staysAfterReply, allSent, stopping)));
            }
            assertTrue(allSent.await(20, SECONDS), "every client sent its bytes before the stop");
            Future<?> stopped = pool.submit(() -> {
                server.shutdown(GRACE);
                return null;
            });
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertRefused(server.port()));
            stopping.countDown();
            for (Future<?> transfer : transfers) {
                transfer.get(GRACE.toSeconds() + 10, SECONDS);
            }
            stopped.get(GRACE.toSeconds() + 10, SECONDS);
            assertEquals(0, server.stats().active(), server.stats().snapshot().toString());
        } finally {
            server.close();
        }
    }

    /**
     * Connects, round-trips once (so it is admitted), sends a request without reading, waits for the
     * stop to begin, then reads every byte back and round-trips once more. Half-closes, or stays until
     * the server closes it.
     */
    private static Void midTransfer(EchoServer server, long seed, boolean staysAfterReply,
                                    CountDownLatch sent, CountDownLatch stopping) throws Exception {
        byte[] request = new byte[REQUEST_BYTES];
        new Random(seed).nextBytes(request);
        try (Socket socket = Wire.connect(server, 20_000)) {
            assertEquals("HI", Wire.roundTrip(socket, "hi"));
            socket.getOutputStream().write(request);
            sent.countDown();
            stopping.await();
            assertArrayEquals(Wire.expected(request), Wire.readFully(socket.getInputStream(), request.length), "client " + seed);
            assertEquals("STILL IN GRACE", Wire.roundTrip(socket, "still in grace"));
            if (!staysAfterReply) {
                socket.shutdownOutput();
            }
            assertClosedByServer(socket);
        }
        return null;
    }

    private static void assertClosedByServer(Socket socket) {
        try {
            assertEquals(-1, socket.getInputStream().read(), "nothing more, then the server closes");
        } catch (IOException reset) {                    // closing a socket with unread input sends a reset
            assertTrue(reset.getMessage() != null, reset.toString());
        }
    }

    private static void assertRefused(int port) {
        assertThrows(ConnectException.class, () -> new Socket(InetAddress.getLoopbackAddress(), port).close());
    }
}
