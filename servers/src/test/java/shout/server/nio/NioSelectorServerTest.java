package shout.server.nio;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import shout.server.EchoServer;
import shout.server.Mode;
import shout.server.ServerConfig;
import shout.server.ServerStats;
import shout.server.Wire;
import shout.server.Work;
import shout.server.app.Servers;

/**
 * What only the selector mode has to get right: its description, backpressure on one buffer, and a loop
 * that sleeps while a reply waits (work on the loop in general: EventLoopWorkContractTest).
 */
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

    /**
     * A chunk that arrives while the reply to the one before still waits stays unread, and the loop stops
     * watching its connection until that reply is out: the selector is level-triggered, so a watched
     * connection with unread bytes is reported on every turn and the loop would spin through the wait.
     * A spinning thread is runnable all the time, on a core or queued for one however busy the machine
     * is (Linux's schedstat counts both); a loop that sleeps through the wait is runnable for moments.
     */
    @Test
    void aChunkThatArrivesWhileItsPredecessorWaitsDoesNotSpinTheLoop() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "needs Linux's /proc");
        Duration wait = Duration.ofMillis(500);
        ServerConfig config = ServerConfig.builder().port(0).threads(1).work(new Work.Sleep(wait)).build();
        try (EchoServer server = Servers.start(Mode.NIO, config);
             Socket socket = Wire.connect(server, 10_000)) {
            assertEquals("WARM", Wire.roundTrip(socket, "warm"));   // the loop's first chunk loads the classes its path needs
            Path loopTask = linuxTaskNamed("echo-nio-reacto");      // the kernel keeps 15 characters of a thread's name
            long runnableBefore = runnableNanos(loopTask);

            socket.getOutputStream().write(ascii("first"));
            await().pollInterval(Duration.ofMillis(5)).atMost(Duration.ofSeconds(5))
                    .until(() -> server.stats().snapshot().bytesIn() == "warmfirst".length());
            socket.getOutputStream().write(ascii("second"));       // arrives while "first" waits
            assertArrayEquals(ascii("FIRSTSECOND"), Wire.readFully(socket.getInputStream(), "FIRSTSECOND".length()));

            long runnableMillis = (runnableNanos(loopTask) - runnableBefore) / 1_000_000;
            assertTrue(runnableMillis < wait.toMillis() / 2, "the loop was runnable " + runnableMillis + " ms of two waits of " + wait);
        }
    }

    /** The directory under /proc/self/task of the one thread whose kernel name is {@code comm}. */
    private static Path linuxTaskNamed(String comm) throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            List<Path> named = tasks.filter(task -> comm.equals(readOrEmpty(task.resolve("comm")).strip())).toList();
            assertEquals(1, named.size(), "threads named " + comm);
            return named.get(0);
        }
    }

    /** Nanoseconds the task has spent on a core plus waiting in a run queue: the first two fields of its schedstat. */
    private static long runnableNanos(Path task) throws IOException {
        String[] fields = Files.readString(task.resolve("schedstat")).strip().split(" ");
        return Long.parseLong(fields[0]) + Long.parseLong(fields[1]);
    }

    /** The file's text, or nothing when its thread ended while the directory was listed. */
    private static String readOrEmpty(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
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
