package shout.server;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import shout.server.app.Servers;

/**
 * Three times the connection cap at once: exactly the cap is served, the rest are closed at once,
 * the served keep working, the counters add up and nothing is left open afterwards.
 */
@Timeout(60)
class FloodTest {

    private static final int CAP = 20;
    private static final int CLIENTS = 3 * CAP;

    /** What one flooding client saw after sending "ping". */
    private enum Outcome { SERVED, CLOSED }

    @ParameterizedTest
    @MethodSource("shout.server.EchoServerContractTest#concurrentModes")
    void exactlyTheCapIsServedAndTheRestClosedAtOnce(Mode mode) throws Exception {
        ServerConfig config = ServerConfig.builder().port(0).maxConnections(CAP).threads(CAP).build();  // pool: a thread per admitted one
        List<Socket> sockets = new ArrayList<>();
        try (EchoServer server = Servers.start(mode, config);
             ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Socket>> connected = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                connected.add(clients.submit(() -> Wire.connect(server)));
            }
            for (Future<Socket> socket : connected) {
                sockets.add(socket.get(10, SECONDS));
            }
            List<Socket> served = ping(sockets, clients);
            assertEquals(CAP, served.size(), "served; " + server.stats().snapshot());
            for (Socket socket : served) {
                assertEquals("STILL SERVED", Wire.roundTrip(socket, "still served"));
            }
            closeAll(sockets);
            await().atMost(Duration.ofSeconds(10)).until(() -> server.stats().active() == 0);
            ServerStats.Snapshot stats = server.stats().snapshot();
            assertEquals(CAP, stats.accepted(), stats.toString());
            assertEquals(CLIENTS - CAP, stats.rejected(), stats.toString());
        } finally {
            closeAll(sockets);
        }
    }

    /** Serial by nature never has two connections open: the flood waits in the backlog, and all are served in turn. */
    @ParameterizedTest
    @EnumSource(value = Mode.class, names = "SERIAL")
    void serialServesTheWholeFloodOneAfterAnother(Mode mode) throws Exception {
        try (EchoServer server = Servers.start(mode, ServerConfig.builder().port(0).maxConnections(CAP).build());
             ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> replies = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                replies.add(clients.submit(() -> pingAndHalfClose(server)));
            }
            for (Future<String> reply : replies) {
                assertEquals("PING", reply.get(30, SECONDS));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> server.stats().active() == 0);
            ServerStats.Snapshot stats = server.stats().snapshot();
            assertEquals(CLIENTS, stats.accepted(), stats.toString());
            assertEquals(0, stats.rejected(), stats.toString());
        }
    }

    private static String pingAndHalfClose(EchoServer server) throws IOException {
        try (Socket socket = Wire.connect(server, 30_000)) {
            socket.getOutputStream().write("ping".getBytes(StandardCharsets.US_ASCII));
            socket.shutdownOutput();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    /** Every socket sends "ping" at once; returns those that got "PING" back, and checks the others were closed. */
    private static List<Socket> ping(List<Socket> sockets, ExecutorService clients) throws Exception {
        List<Future<Outcome>> outcomes = new ArrayList<>();
        for (Socket socket : sockets) {
            outcomes.add(clients.submit(() -> pingOnce(socket)));
        }
        List<Socket> served = new ArrayList<>();
        for (int i = 0; i < sockets.size(); i++) {
            if (outcomes.get(i).get(10, SECONDS) == Outcome.SERVED) {
                served.add(sockets.get(i));
            }
        }
        return served;
    }

    /** A read timeout propagates and fails the test: a rejected connection must be closed at once, not left hanging. */
    private static Outcome pingOnce(Socket socket) throws IOException {
        try {
            socket.getOutputStream().write("ping".getBytes(StandardCharsets.US_ASCII));
            byte[] reply = socket.getInputStream().readNBytes(4);
            if (reply.length == 0) {
                return Outcome.CLOSED;
            }
            assertEquals("PING", new String(reply, StandardCharsets.US_ASCII));
            return Outcome.SERVED;
        } catch (java.net.SocketTimeoutException e) {
            throw e;
        } catch (IOException reset) {               // closed before our bytes were read: the kernel answers with a reset
            return Outcome.CLOSED;
        }
    }

    private static void closeAll(List<Socket> sockets) throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
