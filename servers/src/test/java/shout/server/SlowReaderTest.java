package shout.server;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import shout.server.app.Servers;

/**
 * A client that writes 64 MiB and reads nothing: TCP must push it back. The server holds no more
 * than its per-connection cap for it, keeps serving others, and when the client finally reads,
 * every byte arrives in order.
 */
@Timeout(120)
class SlowReaderTest {

    private static final int PAYLOAD_CHUNKS = 64;                 // of 1 MiB
    private static final long FAR_BELOW_PAYLOAD_BYTES = 24L << 20;  // the socket buffers on both sides, with room

    @ParameterizedTest
    @MethodSource("shout.server.EchoServerContractTest#modes")
    void aClientThatDoesNotReadIsPushedBackAndThenGetsEveryByte(Mode mode) throws Exception {
        ServerConfig config = ServerConfig.builder().port(0).threads(2).build();
        long seed = System.nanoTime();
        try (EchoServer server = Servers.start(mode, config);
             Socket slow = Wire.connect(server, 20_000);
             ExecutorService writer = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().name("slow-writer").factory())) {
            Future<?> written = writer.submit(() -> {
                Payloads.write(slow.getOutputStream(), seed, PAYLOAD_CHUNKS);
                return null;
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> server.stats().snapshot().bytesIn() > 0);
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertHeldWithinCap(server.stats().snapshot(), server.maxUnsentBytesPerConnection()));
            assertFalse(written.isDone(), "the writer is blocked: TCP pushed back");
            assertOtherClientsServed(mode, server);
            Payloads.readAndVerify(slow.getInputStream(), seed, PAYLOAD_CHUNKS);
            written.get(10, SECONDS);
            slow.shutdownOutput();
            assertEquals(-1, slow.getInputStream().read(), "end of stream after everything owed");
        }
    }

    private static void assertHeldWithinCap(ServerStats.Snapshot stats, long cap) {
        long held = stats.bytesIn() - stats.bytesOut();
        assertTrue(held <= cap, "server holds " + held + " bytes for the connection, cap " + cap + "; " + stats);
        assertTrue(stats.bytesIn() < FAR_BELOW_PAYLOAD_BYTES, "the server stopped reading; " + stats);
    }

    /** Serial serves one client at a time by nature: another one waits for the slow one to leave. */
    private static void assertOtherClientsServed(Mode mode, EchoServer server) throws Exception {
        if (ModeTraits.servesOneClientAtATime(mode)) {
            try (Socket queued = Wire.connect(server, 300)) {
                queued.getOutputStream().write("queued".getBytes());
                assertThrows(SocketTimeoutException.class, () -> queued.getInputStream().read(), "serial: no reply yet");
            }
            return;
        }
        try (Socket other = Wire.connect(server)) {
            for (int i = 0; i < 10; i++) {
                assertEquals("STILL SERVED " + i, Wire.roundTrip(other, "still served " + i));
            }
        }
    }
}
