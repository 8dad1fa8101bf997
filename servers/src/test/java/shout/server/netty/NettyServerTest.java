package shout.server.netty;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.channel.uring.IoUring;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import shout.server.EchoServer;
import shout.server.ServerConfig;
import shout.server.Transport;
import shout.server.Wire;
import shout.server.app.ServerMain;

/** What only the netty mode has: transports, the buffer ring and its own thread names (work on the loop: EventLoopWorkContractTest). */
@Timeout(60)
class NettyServerTest {

    private static final ServerConfig BASE = ServerConfig.builder().port(0).threads(2).build();

    @ParameterizedTest
    @EnumSource(Transport.class)
    void everyTransportAvailableHereEchoesHalfClosesAndNamesItself(Transport transport) throws Exception {
        assumeTrue(NettyTransport.isAvailable(transport), transport + " does not load here");
        try (EchoServer server = NettyServer.start(BASE.toBuilder().transport(transport).build());
             Socket socket = Wire.connect(server)) {
            assertEquals("HELLO, NETTY!\n", Wire.roundTrip(socket, "hello, Netty!\n"));
            socket.getOutputStream().write("last words".getBytes(StandardCharsets.US_ASCII));
            socket.shutdownOutput();
            assertEquals("LAST WORDS", new String(Wire.readFully(socket.getInputStream(), 10), StandardCharsets.US_ASCII));
            assertEquals(-1, socket.getInputStream().read(), "closed once everything owed was sent");
            assertTrue(server.description().matches("mode=netty transport=(nio|epoll|io_uring) threads=2"),
                    server.description());
            if (transport != Transport.AUTO) {
                assertTrue(server.description().contains("transport=" + transport.name().toLowerCase(Locale.ROOT) + " "),
                        server.description());
            }
        }
    }

    /** Reads may be as large as --buffer, four times the loop's scratch array here: each is upper-cased whole. */
    @ParameterizedTest
    @EnumSource(Transport.class)
    void readsLargerThanTheScratchArrayComeBackUpperCasedWhole(Transport transport) throws Exception {
        assumeTrue(NettyTransport.isAvailable(transport), transport + " does not load here");
        byte[] payload = new byte[4 << 20];
        new Random(7).nextBytes(payload);
        ServerConfig config = BASE.toBuilder().transport(transport).bufferBytes(4 * ServerConfig.DEFAULT_BUFFER_BYTES).build();
        try (EchoServer server = NettyServer.start(config)) {
            assertArrayEquals(Wire.expected(payload), Wire.echoWhileWriting(server, payload));
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aTakenPortIsABindExceptionOnEveryTransportAndLeavesNoThread(Transport transport) throws Exception {
        assumeTrue(NettyTransport.isAvailable(transport), transport + " does not load here");
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            ServerConfig config = BASE.toBuilder().transport(transport).port(taken.getLocalPort()).build();
            assertThrows(BindException.class, () -> NettyServer.start(config));      // the type ServerMain's exit code rests on
        }
        await().atMost(Duration.ofSeconds(2)).until(() -> nettyThreads().isEmpty());
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void reusePortLetsTwoServersShareOnePortOnEveryTransport(Transport transport) throws Exception {
        assumeTrue(NettyTransport.isAvailable(transport), transport + " does not load here");
        ServerConfig config = BASE.toBuilder().transport(transport).reusePort(true).build();
        try (EchoServer first = NettyServer.start(config);
             EchoServer second = NettyServer.start(config.toBuilder().port(first.port()).build());
             Socket socket = Wire.connect(second)) {
            assertEquals(first.port(), second.port());
            assertEquals("SHARED", Wire.roundTrip(socket, "shared"));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"EPOLL", "IO_URING"})
    void anUnavailableTransportAskedForIsAClearError(Transport transport) {
        assumeFalse(NettyTransport.isAvailable(transport), transport + " loads here");
        IOException e = assertThrows(IOException.class, () -> NettyServer.start(BASE.toBuilder().transport(transport).build()));
        assertTrue(e.getMessage().startsWith(transport.name().toLowerCase(Locale.ROOT) + " transport is not available here: "),
                e.getMessage());
        await().atMost(Duration.ofSeconds(2)).until(() -> nettyThreads().isEmpty());
    }

    @Test
    void autoTakesIoUringWhereItLoadsThenEpollThenNio() throws IOException {
        String expected = NettyTransport.isAvailable(Transport.IO_URING) ? "io_uring"
                : NettyTransport.isAvailable(Transport.EPOLL) ? "epoll" : "nio";
        assertEquals(expected, NettyTransport.choose(Transport.AUTO, BASE.bufferBytes()).name());
    }

    @Test
    void theUnavailableMessageNamesTransportAndCause() {
        IOException e = assertThrows(IOException.class, () -> NettyTransport.requireAvailable(
                Transport.IO_URING, false, new UnsatisfiedLinkError("no ring for you")));
        assertEquals("io_uring transport is not available here: java.lang.UnsatisfiedLinkError: no ring for you",
                e.getMessage());
    }

    @Test
    void aClientThatWritesButNeverReadsIsSlowedDownNotBuffered() throws Exception {
        try (EchoServer server = NettyServer.start(BASE);
             Socket socket = Wire.connect(server, 10_000)) {
            isSlowedDownWhileItDoesNotRead(server, socket);
        }
    }

    @Test
    void aLoneClientReadFromTheBufferRingIsSlowedDownToo() throws Exception {
        ServerConfig config = BASE.toBuilder().transport(Transport.IO_URING).build();
        assumeBufferRing(config);
        try (NettyServer server = (NettyServer) NettyServer.start(config);
             Socket socket = Wire.connect(server, 10_000)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> server.connectionsOnRing() == 1);
            isSlowedDownWhileItDoesNotRead(server, socket);
        }
    }

    /** A client that writes 64 MiB and reads nothing for 2 s: the server must stop reading, then echo it all. */
    private static void isSlowedDownWhileItDoesNotRead(EchoServer server, Socket socket) throws Exception {
        byte[] block = "a slow reader's block of bytes. ".repeat(32).getBytes(StandardCharsets.US_ASCII);  // 1 KiB
        int blocks = 64 * 1024;                                                                       // 64 MiB
        try (ExecutorService writer = Executors.newSingleThreadExecutor()) {
            Future<?> written = writer.submit(() -> writeBlocks(socket.getOutputStream(), block, blocks));
            assertThrows(TimeoutException.class, () -> written.get(2, SECONDS), "the server stopped reading");
            long bytesIn = server.stats().snapshot().bytesIn();
            assertTrue(bytesIn < 32L << 20, "the server read only what the kernel buffers hold: " + bytesIn);
            readAndVerifyBlocks(socket.getInputStream(), Wire.expected(block), blocks);
            written.get(10, SECONDS);
        }
    }

    @Test
    void onIoUringAConnectionToAQuietServerReadsFromTheBufferRingAndTheRestPoll() throws Exception {
        ServerConfig config = BASE.toBuilder().transport(Transport.IO_URING).build();     // two loops
        assumeBufferRing(config);
        assertFalse(IoUring.isRecvMultishotEnabled(), "a multishot receive reads past autoRead off");
        try (NettyServer server = (NettyServer) NettyServer.start(config);
             Socket first = Wire.connect(server)) {                              // closed twice: the second is a no-op
            assertEquals("ONE", Wire.roundTrip(first, "one"));
            assertEquals(1, server.connectionsOnRing());
            try (Socket second = Wire.connect(server); Socket third = Wire.connect(server)) {
                assertEquals("TWO", Wire.roundTrip(second, "two"));
                assertEquals("THREE", Wire.roundTrip(third, "three"));
                assertEquals(2, server.connectionsOnRing(), "as many as there are loops");
                first.close();
                await().atMost(Duration.ofSeconds(5))
                        .until(() -> server.connectionsOnRing() == 1 && server.stats().active() == 2);
                try (Socket fourth = Wire.connect(server)) {
                    assertEquals("FOUR", Wire.roundTrip(fourth, "four"));
                    assertEquals(1, server.connectionsOnRing(), "a server holding a connection per loop is not quiet");
                }
            }
        }
    }

    @RepeatedTest(20)
    void closingTheServerEndsAConnectionWhoseReceiveIsInFlight() throws Exception {
        ServerConfig config = BASE.toBuilder().transport(Transport.IO_URING).build();
        assumeBufferRing(config);
        NettyServer server = (NettyServer) NettyServer.start(config);
        try (Socket socket = Wire.connect(server, 5_000)) {
            assertEquals("WAITING", Wire.roundTrip(socket, "waiting"));       // its next receive now waits in the kernel
            assertEquals(1, server.connectionsOnRing());
            server.close();
            assertEquals(-1, socket.getInputStream().read(), "the server's close reached the client");
        } finally {
            server.close();
        }
    }

    @Test
    void aBurstOfConnectionsPutsNoMoreOnTheRingThanThereAreLoops() throws Exception {
        ServerConfig config = BASE.toBuilder().transport(Transport.IO_URING).build();
        assumeBufferRing(config);
        List<Socket> sockets = new ArrayList<>();
        try (NettyServer server = (NettyServer) NettyServer.start(config)) {
            try {
                for (int i = 0; i < 50; i++) {        // the kernel connects them faster than the server admits them
                    sockets.add(Wire.connect(server));
                }
                for (int i = 0; i < sockets.size(); i++) {
                    assertEquals("BURST " + i, Wire.roundTrip(sockets.get(i), "burst " + i));
                }
                assertEquals(2, server.connectionsOnRing());
            } finally {
                for (Socket socket : sockets) {
                    socket.close();
                }
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> server.connectionsOnRing() == 0);
        }
    }

    private static void assumeBufferRing(ServerConfig config) throws IOException {
        assumeTrue(NettyTransport.isAvailable(Transport.IO_URING), "io_uring does not load here");
        assumeTrue(NettyTransport.choose(Transport.IO_URING, config.bufferBytes()).ringGroup().isPresent(),
                "this kernel has no io_uring buffer rings");
    }

    private static Void writeBlocks(OutputStream out, byte[] block, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            out.write(block);
        }
        return null;
    }

    private static void readAndVerifyBlocks(InputStream in, byte[] expected, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            assertArrayEquals(expected, Wire.readFully(in, expected.length), "block " + i);
        }
        assertFalse(in.available() > 0, "nothing beyond what was sent");
    }

    private static List<String> nettyThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive).map(Thread::getName).filter(name -> name.startsWith("echo-netty-")).toList();
    }
}
