package shout.server.nio;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
import shout.server.Work;
import shout.server.app.Servers;

/** What only the selector mode has to get right: scheduled sleep replies, backpressure on one buffer, offload. */
@Timeout(60)
class NioSelectorServerTest {

    @Test
    void describesItselfWithItsReactorCount() throws Exception {
        try (EchoServer server = Servers.start(Mode.NIO, ServerConfig.builder().port(0).threads(3).build())) {
            assertEquals("mode=nio threads=3", server.description());
        }
    }

    /** One reactor, 100 connections, one 200ms sleep each: blocking the loop would take 20s, scheduling ~0.2s. */
    @Test
    void sleepWorkIsScheduledSoOneReactorServesManyWaitsAtOnce() throws Exception {
        Duration delay = Duration.ofMillis(200);
        ServerConfig config = ServerConfig.builder().port(0).threads(1).work(new Work.Sleep(delay)).build();
        List<Socket> clients = new ArrayList<>();
        try (EchoServer server = Servers.start(Mode.NIO, config)) {
            for (int i = 0; i < 100; i++) {
                clients.add(Wire.connect(server));
            }
            long started = System.nanoTime();
            for (int i = 0; i < clients.size(); i++) {
                clients.get(i).getOutputStream().write(("wait " + i).getBytes());
            }
            for (int i = 0; i < clients.size(); i++) {
                byte[] want = ("WAIT " + i).getBytes();
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

    @Test
    void halfCloseWhileAReplyIsStillScheduledDeliversItThenEndOfStream() throws Exception {
        ServerConfig config = ServerConfig.builder().port(0).work(new Work.Sleep(Duration.ofMillis(100))).build();
        try (EchoServer server = Servers.start(Mode.NIO, config);
             Socket socket = Wire.connect(server)) {
            socket.getOutputStream().write("last words".getBytes());
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            assertEquals("LAST WORDS", new String(Wire.readFully(in, 10)));
            assertEquals(-1, in.read());
            await().atMost(Duration.ofSeconds(5)).until(() -> server.stats().active() == 0);
        }
    }

    @Test
    void offloadedCpuWorkRunsOnNamedWorkersAndKeepsOrder() throws Exception {
        ServerConfig config = ServerConfig.builder().port(0).threads(2)
                .work(new Work.Cpu(Duration.ofMillis(2))).offload(true).build();
        try (EchoServer server = Servers.start(Mode.NIO, config);
             Socket socket = Wire.connect(server)) {
            OutputStream out = socket.getOutputStream();
            StringBuilder want = new StringBuilder();
            for (int i = 0; i < 50; i++) {
                out.write(("chunk " + i + ";").getBytes());
                want.append("CHUNK ").append(i).append(';');
            }
            byte[] reply = Wire.readFully(socket.getInputStream(), want.length());
            assertEquals(want.toString(), new String(reply));
            assertTrue(serverThreads().contains("echo-nio-offload-0"), serverThreads().toString());
        }
        assertEquals(List.of(), serverThreads(), "close() joined every thread");
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

    private static List<String> serverThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName).filter(name -> name.startsWith("echo-")).sorted().toList();
    }
}
