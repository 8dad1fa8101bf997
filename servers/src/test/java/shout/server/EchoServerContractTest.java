package shout.server;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import shout.server.app.Servers;

/**
 * The protocol contract, once, for every mode. A mode that fails any of these is not a drop-in
 * replacement for the others. Where a mode's nature differs (serial serves one client at a time),
 * the test asserts that nature instead of skipping.
 */
@Timeout(60)
public class EchoServerContractTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    /** Long enough for a loaded machine to accept and close, far shorter than any timeout that would close it instead. */
    private static final Duration CLOSED_AT_ONCE = Duration.ofSeconds(2);

    /** The server settings every test starts from; a subclass runs the whole contract with other settings. */
    ServerConfig config() {
        return ServerConfig.ephemeral();
    }

    int largePayloadBytes() {
        return 8 << 20;
    }

    int concurrentConnections() {
        return 200;
    }

    int messagesPerConnection() {
        return 100;
    }

    /** Every mode, the same assertions. */
    static Stream<Mode> modes() {
        return Stream.of(Mode.values());
    }

    /** The modes that serve more than one connection at a time. */
    static Stream<Mode> concurrentModes() {
        return modes().filter(mode -> !ModeTraits.servesOneClientAtATime(mode));
    }

    /** The modes that serve one client at a time, by nature. */
    static Stream<Mode> oneAtATimeModes() {
        return modes().filter(ModeTraits::servesOneClientAtATime);
    }

    @ParameterizedTest
    @MethodSource("modes")
    void echoesALineUpperCased(Mode mode) throws Exception {
        try (EchoServer server = Servers.start(mode, config());
             Socket socket = Wire.connect(server)) {
            assertEquals("HELLO, WORLD!\n", Wire.roundTrip(socket, "hello, World!\n"));
            assertEquals("HéLLO", Wire.roundTrip(socket, "héllo"));
        }
    }

    @ParameterizedTest
    @MethodSource("modes")
    void everyByteValueComesBackAsSpecified(Mode mode) throws Exception {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        try (EchoServer server = Servers.start(mode, config());
             Socket socket = Wire.connect(server)) {
            socket.getOutputStream().write(all);
            byte[] reply = Wire.readFully(socket.getInputStream(), all.length);
            for (int i = 0; i < 256; i++) {
                int want = i >= 'a' && i <= 'z' ? i - 32 : i;
                assertEquals(want, reply[i] & 0xFF, "byte value " + i);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("modes")
    void largePayloadWrittenWhileReadingArrivesIntactAndInOrder(Mode mode) throws Exception {
        byte[] payload = new byte[largePayloadBytes()];
        new Random(42).nextBytes(payload);
        try (EchoServer server = Servers.start(mode, config())) {
            assertArrayEquals(Wire.expected(payload), Wire.echoWhileWriting(server, payload));
        }
    }

    @ParameterizedTest
    @MethodSource("modes")
    void manyConcurrentConnectionsWithRandomSizesAllVerified(Mode mode) throws Exception {
        try (EchoServer server = Servers.start(mode, config());
             ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> done = new ArrayList<>();
            for (int c = 0; c < concurrentConnections(); c++) {
                long seed = c;
                done.add(clients.submit(() -> exchangeRandomMessages(server, seed, messagesPerConnection())));
            }
            for (Future<Integer> connection : done) {
                assertEquals(messagesPerConnection(), connection.get(50, SECONDS));
            }
        }
    }

    private static int exchangeRandomMessages(EchoServer server, long seed, int messages) throws IOException {
        Random random = new Random(seed);
        try (Socket socket = Wire.connect(server, 40_000)) {
            for (int m = 0; m < messages; m++) {
                byte[] request = new byte[1 + random.nextInt(2_000)];
                random.nextBytes(request);
                socket.getOutputStream().write(request);
                assertArrayEquals(Wire.expected(request), Wire.readFully(socket.getInputStream(), request.length));
            }
            return messages;
        }
    }

    @ParameterizedTest
    @MethodSource("modes")
    void halfCloseDeliversEverythingOwedThenEndOfStream(Mode mode) throws Exception {
        byte[] request = "the last words, then silence".repeat(1_000).getBytes();
        try (EchoServer server = Servers.start(mode, config());
             Socket socket = Wire.connect(server)) {
            socket.getOutputStream().write(request);
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            assertArrayEquals(Wire.expected(request), Wire.readFully(in, request.length));
            assertEquals(-1, in.read(), "the server closes after sending what it owes");
        }
    }

    @ParameterizedTest
    @MethodSource("modes")
    void aResetDisturbsNoOtherConnectionAndIsReleased(Mode mode) throws Exception {
        try (EchoServer server = Servers.start(mode, config())) {
            Socket rude = Wire.connect(server);
            Wire.roundTrip(rude, "first");
            rude.getOutputStream().write(new byte[100_000]);
            rude.setSoLinger(true, 0);
            rude.close();                                     // RST, mid-stream
            try (Socket polite = Wire.connect(server)) {
                assertEquals("STILL HERE", Wire.roundTrip(polite, "still here"));
            }
            await().atMost(PATIENCE).until(() -> server.stats().active() == 0);
        }
    }

    @ParameterizedTest
    @MethodSource("concurrentModes")
    void overTheCapANewConnectionIsClosedAtOnceAndTheOthersKeepWorking(Mode mode) throws Exception {
        ServerConfig config = config().toBuilder().maxConnections(5).threads(8).build();
        try (EchoServer server = Servers.start(mode, config)) {
            List<Socket> five = new ArrayList<>();
            try {
                for (int i = 0; i < 5; i++) {
                    five.add(Wire.connect(server));
                    assertEquals("N" + i, Wire.roundTrip(five.get(i), "n" + i));
                }
                try (Socket sixth = Wire.connect(server)) {
                    sixth.getOutputStream().write("anyone?".getBytes());
                    assertClosedWithoutData(sixth);
                }
                for (Socket socket : five) {
                    assertEquals("STILL SERVED", Wire.roundTrip(socket, "still served"));
                }
                await().atMost(PATIENCE).until(() -> server.stats().snapshot().rejected() == 1);
            } finally {
                for (Socket socket : five) {
                    socket.close();
                }
            }
        }
    }

    /** One client at a time by nature leaves no second connection to reject: the second client waits for the first to leave. */
    @ParameterizedTest(allowZeroInvocations = true)   // a subclass may run the contract for concurrent modes only
    @MethodSource("oneAtATimeModes")
    void oneAtATimeMakesTheSecondClientWaitForTheFirst(Mode mode) throws Exception {
        try (EchoServer server = Servers.start(mode, config());
             Socket first = Wire.connect(server);
             Socket second = Wire.connect(server, 300)) {
            assertEquals("ONE", Wire.roundTrip(first, "one"));
            second.getOutputStream().write("two".getBytes());
            assertThrows(SocketTimeoutException.class, () -> second.getInputStream().read(),
                    "no reply while the first client is still connected");
            first.close();
            second.setSoTimeout(5_000);
            assertEquals("TWO", new String(Wire.readFully(second.getInputStream(), 3)));
        }
    }

    /** End of stream or a reset, within {@link #CLOSED_AT_ONCE}: a read that times out means the server kept it open. */
    private static void assertClosedWithoutData(Socket socket) throws IOException {
        socket.setSoTimeout(Math.toIntExact(CLOSED_AT_ONCE.toMillis()));
        try {
            assertEquals(-1, socket.getInputStream().read(), "closed at once, without data");
        } catch (SocketTimeoutException stillOpen) {
            fail("the connection over the cap was still open after " + CLOSED_AT_ONCE.toMillis() + "ms");
        } catch (SocketException reset) {
            // A reset is also "closed at once": the server closed before reading what we sent.
            assertTrue(reset.getMessage() != null, reset.toString());
        }
    }

    @ParameterizedTest
    @MethodSource("modes")
    void idleTimeoutClosesAnIdleConnectionAndNotABusyOne(Mode mode) throws Exception {
        // Ticks every 100 ms against a 600 ms timeout: a loaded machine may delay a tick several-fold
        // without the busy connection ever looking idle.
        Duration idle = Duration.ofMillis(600);
        AtomicInteger exchanges = new AtomicInteger();
        try (EchoServer server = Servers.start(mode, config().toBuilder().idleTimeout(idle).build());
             Socket busy = Wire.connect(server);
             ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor()) {
            assertEquals("0", Wire.roundTrip(busy, "0"));        // busy is served before idle connects
            ScheduledFuture<?> ticks = pacer.scheduleAtFixedRate(() -> {
                exchangeTick(busy);
                exchanges.incrementAndGet();
            }, 100, 100, TimeUnit.MILLISECONDS);
            try (Socket idleSocket = Wire.connect(server)) {
                await().atMost(PATIENCE).until(() -> exchanges.get() >= 18 || ticks.isDone());
                ticks.cancel(false);
                assertTrue(exchanges.get() >= 18, "busy kept exchanging for 3x the idle timeout");
                busy.close();
                idleSocket.setSoTimeout(5_000);
                assertEquals(-1, idleSocket.getInputStream().read(), "the idle connection was closed");
            }
            await().atMost(PATIENCE).until(() -> server.stats().active() == 0);
            assertEquals(1, server.stats().snapshot().idleClosed(), "only the idle one counts: " + server.stats().snapshot());
        }
    }

    @ParameterizedTest
    @MethodSource("modes")
    void aClientThatStopsReadingWhileOwedBytesIsClosedAfterTheIdleTimeout(Mode mode) throws Exception {
        Duration idle = Duration.ofMillis(300);
        try (ExecutorService writer = Executors.newSingleThreadExecutor();     // closed last: the socket's close ends its write
             EchoServer server = Servers.start(mode, config().toBuilder().idleTimeout(idle).build());
             Socket stuck = Wire.connect(server)) {
            // More than the socket buffers hold both ways, from another thread: the write stalls, and ends
            // with an error once the server gives up on this client. The server is left owing bytes.
            Future<?> pushing = writer.submit(() -> {
                stuck.getOutputStream().write(new byte[8 * 1024 * 1024]);
                return null;
            });
            await().atMost(PATIENCE).until(() -> server.stats().snapshot().idleClosed() == 1);
            await().atMost(PATIENCE).until(() -> server.stats().active() == 0);
            stuck.close();
            await().atMost(PATIENCE).until(pushing::isDone);
        }
    }

    private static void exchangeTick(Socket busy) {
        try {
            assertEquals("T", Wire.roundTrip(busy, "t"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("modes")
    void closeFreesThePortAndLeavesNoServerThreadAlive(Mode mode) throws Exception {
        EchoServer server = Servers.start(mode, config());
        int port = server.port();
        try (Socket client = Wire.connect(server)) {
            assertEquals("BYE", Wire.roundTrip(client, "bye"));
            server.close();
            server.close();                                   // idempotent
        }
        assertThrows(ConnectException.class, () -> new Socket(InetAddress.getLoopbackAddress(), port).close());
        try (ServerSocket rebind = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            assertEquals(port, rebind.getLocalPort());
        }
        // A pool's worker may still be returning from run() when its executor reports termination.
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertEquals(List.of(), serverThreads()));
    }

    private static List<String> serverThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName).filter(name -> name.startsWith("echo-")).toList();
    }
}
