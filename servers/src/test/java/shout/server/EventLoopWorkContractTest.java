package shout.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import shout.server.app.Servers;
import shout.server.work.OffloadPool;

/**
 * How every event-loop mode carries out {@code --work}, once for all of them: a delay never blocks the
 * loop, replies keep their order while work is pending, offloaded work runs on the mode's named offload
 * threads, and only offloaded cpu work starts them. What the policy decides is WorkPolicyTest's; this
 * checks that each loop does what it was told.
 */
@Timeout(60)
class EventLoopWorkContractTest {

    /** The modes whose connections share a few loops and so carry out a WorkPlan; a new event-loop mode joins here. */
    static Stream<Mode> eventLoopModes() {
        return Stream.of(Mode.NIO, Mode.NETTY);
    }

    /** A plain delay, and a fan-out whose longest wait is the same: one timer per chunk, or one per wait. */
    static Stream<Arguments> eventLoopModesAndWaitsOf200ms() {
        return eventLoopModes().flatMap(mode -> Stream.of(Arguments.of(mode, "sleep:200ms"), Arguments.of(mode, "fanout:50ms,200ms,100ms")));
    }

    /**
     * One loop, 100 connections, each chunk waiting 200ms at most: blocking the loop would take 20s, timers
     * about one wait. A fan-out's reply comes after its longest wait, never before.
     */
    @ParameterizedTest
    @MethodSource("eventLoopModesAndWaitsOf200ms")
    void aDelayIsATimerSoOneLoopServesAHundredWaitsAtOnce(Mode mode, String work) throws Exception {
        Duration delay = Duration.ofMillis(200);
        List<Socket> clients = new ArrayList<>();
        try (EchoServer server = Servers.start(mode, config(work, false).toBuilder().threads(1).build())) {
            for (int i = 0; i < 100; i++) {
                clients.add(Wire.connect(server));
            }
            long started = System.nanoTime();
            for (int i = 0; i < clients.size(); i++) {
                clients.get(i).getOutputStream().write(ascii("wait " + i));
            }
            for (int i = 0; i < clients.size(); i++) {
                byte[] want = ascii("WAIT " + i);
                assertArrayEquals(want, Wire.readFully(clients.get(i).getInputStream(), want.length));
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(elapsed.compareTo(delay) >= 0, "the work was applied: " + elapsed);
            assertTrue(elapsed.compareTo(delay.multipliedBy(10)) < 0, "the waits overlapped: " + elapsed);
        } finally {
            for (Socket client : clients) {
                client.close();
            }
        }
    }

    /** Waits of a few milliseconds, one and fanned out: where rounding a loop's timers would show first. */
    static Stream<Arguments> eventLoopModesAndShortWaits() {
        return eventLoopModes().flatMap(mode -> Stream.of(Arguments.of(mode, "sleep:3ms", 3), Arguments.of(mode, "fanout:1ms,3ms,2ms", 3)));
    }

    /**
     * Every round trip, timed by its client from before the write to after the reply, lasts at least the
     * chunk's longest wait: the server cannot have read a chunk before it was written, so a shorter one is
     * a reply sent early. Twenty clients on one loop, ten chunks each, one at a time.
     */
    @ParameterizedTest
    @MethodSource("eventLoopModesAndShortWaits")
    void noReplyComesBeforeItsWait(Mode mode, String work, long longestWaitMillis) throws Exception {
        long waitNanos = TimeUnit.MILLISECONDS.toNanos(longestWaitMillis);
        try (EchoServer server = Servers.start(mode, config(work, false).toBuilder().threads(1).build());
             ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Long>> shortestRoundTrips = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int client = i;
                shortestRoundTrips.add(clients.submit(() -> shortestRoundTripNanos(server, client, 10)));
            }
            for (Future<Long> shortest : shortestRoundTrips) {
                long nanos = shortest.get(30, TimeUnit.SECONDS);
                assertTrue(nanos >= waitNanos, "a reply " + nanos + " ns after its chunk, before its wait of " + work);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("eventLoopModes")
    void chunksThatArriveWhileADelayRunsComeBackInOrder(Mode mode) throws Exception {
        try (EchoServer server = Servers.start(mode, config("sleep:20ms", false))) {
            assertChunksComeBackInOrder(server, 20);
        }
    }

    @ParameterizedTest
    @MethodSource("eventLoopModes")
    void halfCloseWhileAReplyIsStillDelayedDeliversItThenEndOfStream(Mode mode) throws Exception {
        try (EchoServer server = Servers.start(mode, config("sleep:100ms", false));
             Socket socket = Wire.connect(server)) {
            socket.getOutputStream().write(ascii("last words"));
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            assertEquals("LAST WORDS", new String(Wire.readFully(in, 10), StandardCharsets.US_ASCII));
            assertEquals(-1, in.read(), "closed once everything owed was sent");
        }
    }

    @ParameterizedTest
    @MethodSource("eventLoopModes")
    void offloadedCpuWorkRunsOnTheModesOffloadThreadsInOrderAndCloseJoinsThem(Mode mode) throws Exception {
        String offloadThreads = OffloadPool.threadPrefix(mode);
        EchoServer server = Servers.start(mode, config("cpu:2ms", true));
        try (server) {
            assertChunksComeBackInOrder(server, 50);
            assertFalse(threadsNamed(offloadThreads).isEmpty(), "no " + offloadThreads + "N thread in " + threadsNamed("echo-"));
        }
        assertEquals(List.of(), threadsNamed(offloadThreads), "close() returned after every offload thread ended");
    }

    /** Work that stays on the loop (cpu without offload, delays, none) has no offload thread, offload asked for or not. */
    @ParameterizedTest
    @MethodSource("workThatStaysOnTheLoop")
    void onlyOffloadedCpuWorkHasOffloadThreads(Mode mode, String work, boolean offload) throws Exception {
        try (EchoServer server = Servers.start(mode, config(work, offload))) {
            assertChunksComeBackInOrder(server, 5);
            assertEquals(List.of(), threadsNamed(OffloadPool.threadPrefix(mode)));
        }
    }

    static Stream<Arguments> workThatStaysOnTheLoop() {
        return eventLoopModes().flatMap(mode -> Stream.of(
                Arguments.of(mode, "cpu:1ms", false),
                Arguments.of(mode, "sleep:1ms", true),
                Arguments.of(mode, "fanout:1ms,2ms", true),
                Arguments.of(mode, "marked:sleep:1ms", true),
                Arguments.of(mode, "none", true)));
    }

    private static ServerConfig config(String work, boolean offload) {
        return ServerConfig.builder().port(0).threads(2).work(Work.parse(work)).offload(offload).build();
    }

    /** Writes the chunks without waiting for replies, so later ones arrive while earlier ones are worked on. */
    private static void assertChunksComeBackInOrder(EchoServer server, int chunks) throws Exception {
        try (Socket socket = Wire.connect(server)) {
            OutputStream out = socket.getOutputStream();
            StringBuilder sent = new StringBuilder();
            for (int i = 0; i < chunks; i++) {
                String chunk = "chunk " + i + ";";
                sent.append(chunk);
                out.write(ascii(chunk));
            }
            byte[] reply = Wire.readFully(socket.getInputStream(), sent.length());
            assertArrayEquals(Wire.expected(ascii(sent.toString())), reply);
        }
    }

    /** Sends the chunks one at a time, each after the reply to the one before; returns the shortest round trip. */
    private static long shortestRoundTripNanos(EchoServer server, int client, int chunks) throws IOException {
        try (Socket socket = Wire.connect(server)) {
            long shortest = Long.MAX_VALUE;
            for (int i = 0; i < chunks; i++) {
                String chunk = "client " + client + " chunk " + i;
                long sent = System.nanoTime();
                String reply = Wire.roundTrip(socket, chunk);
                shortest = Math.min(shortest, System.nanoTime() - sent);
                assertEquals(chunk.toUpperCase(Locale.ROOT), reply);
            }
            return shortest;
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static List<String> threadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive).map(Thread::getName).filter(name -> name.startsWith(prefix)).sorted().toList();
    }
}
