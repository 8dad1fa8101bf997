package shout.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import shout.cli.Marker;
import shout.server.app.Servers;

/**
 * The kinds of work beyond one sleep or one burn, in every mode: several waits in sequence, fanned out,
 * and mixed costs chosen by the {@link Marker}. Replies stay exact and in order; a reply never comes
 * before its work allows (lower bounds only: no upper bound on a shared machine is safe); and a marked
 * chunk's long work holds up no unmarked chunk of another connection. How the waits are scheduled is
 * tested without sockets (WorkPolicyTest, BlockingWorkTest, ReplyTimersTest).
 */
@Timeout(60)
class WorkKindsContractTest {

    static Stream<Arguments> everyModeAndKind() {
        return EchoServerContractTest.modes().flatMap(mode -> Stream.of(
                "seq:1ms,2ms", "fanout:3ms,1ms,2ms", "marked:sleep:5ms/cpu:100us", "marked:fanout:2ms,1ms")
                .map(work -> Arguments.of(mode, work)));
    }

    /** Chunks written without waiting for replies, every third one marked, so later ones arrive while earlier ones are worked on. */
    @ParameterizedTest
    @MethodSource("everyModeAndKind")
    void everyChunkComesBackExactAndInOrderMarkerIncluded(Mode mode, String work) throws Exception {
        try (EchoServer server = Servers.start(mode, config(work, 2));
             Socket socket = Wire.connect(server)) {
            OutputStream out = socket.getOutputStream();
            ByteArrayOutputStream sent = new ByteArrayOutputStream();
            for (int i = 0; i < 30; i++) {
                byte[] chunk = chunk(i % 3 == 0, "chunk " + i + ";");
                sent.write(chunk);
                out.write(chunk);
            }
            assertArrayEquals(Wire.expected(sent.toByteArray()), Wire.readFully(socket.getInputStream(), sent.size()));
        }
    }

    static Stream<Arguments> everyModeAndLongWork() {
        return EchoServerContractTest.modes().flatMap(mode -> Stream.of(
                Arguments.of(mode, "fanout:50ms,150ms,100ms", false, Duration.ofMillis(150)),
                Arguments.of(mode, "seq:50ms,150ms,100ms", false, Duration.ofMillis(300)),
                Arguments.of(mode, "marked:fanout:50ms,200ms", true, Duration.ofMillis(200))));
    }

    @ParameterizedTest
    @MethodSource("everyModeAndLongWork")
    void aReplyComesNoEarlierThanItsWaitsAllow(Mode mode, String work, boolean marked, Duration atLeast) throws Exception {
        try (EchoServer server = Servers.start(mode, config(work, 2));
             Socket socket = Wire.connect(server)) {
            byte[] request = chunk(marked, "wait for it");
            Duration took = Duration.ZERO;
            for (int round = 0; round < 2; round++) {       // the first warms the path, whose slowness could hide early replies
                long started = System.nanoTime();
                socket.getOutputStream().write(request);
                assertArrayEquals(Wire.expected(request), Wire.readFully(socket.getInputStream(), request.length));
                took = Duration.ofNanos(System.nanoTime() - started);
            }
            assertTrue(took.compareTo(atLeast) >= 0, work + " replied after " + took);
        }
    }

    /**
     * A marked chunk waits far longer than the read timeout; meanwhile another connection on the same
     * loop or pool gets its unmarked replies. An event loop that kept its timers in arming order would
     * hold the short waits behind the long one, and the read would time out.
     */
    @ParameterizedTest
    @MethodSource("shout.server.EchoServerContractTest#concurrentModes")
    void whileAMarkedChunkWaitsOtherConnectionsUnmarkedChunksAreServed(Mode mode) throws Exception {
        int threads = ModeTraits.threadsCapConnections(mode) ? 2 : 1;           // one event loop for both; a pool thread each
        try (EchoServer server = Servers.start(mode, config("marked:sleep:60s/sleep:1ms", threads));
             Socket expensive = Wire.connect(server);
             Socket cheap = Wire.connect(server)) {
            byte[] marked = chunk(true, "expensive");
            expensive.getOutputStream().write(marked);
            await().atMost(Duration.ofSeconds(5)).until(() -> server.stats().snapshot().bytesIn() >= marked.length);
            for (int i = 0; i < 3; i++) {
                assertEquals("CHEAP " + i, Wire.roundTrip(cheap, "cheap " + i));
            }
        }
    }

    private static ServerConfig config(String work, int threads) {
        return ServerConfig.builder().port(0).threads(threads).work(Work.parse(work)).build();
    }

    private static byte[] chunk(boolean marked, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        if (marked) {
            bytes[0] = Marker.BYTE;
        }
        return bytes;
    }
}
