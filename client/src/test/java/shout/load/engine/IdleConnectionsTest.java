package shout.load.engine;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import shout.app.TestServer;
import shout.load.LoadException;

/** The idle connections of {@code --idle}: held while the server leaves them alone, not once it closes one or sends on one. */
@Timeout(10)
class IdleConnectionsTest {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    @Test
    void onlyConnectionsTheServerLeftAloneCountAsHeldAndCloseClosesThemAll() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort());
            List<Socket> accepted = new ArrayList<>();
            try (IdleConnections idle = IdleConnections.open(address, "test", 3, CONNECT_TIMEOUT, new RunControl(1, 1, 0))) {
                for (int i = 0; i < 3; i++) {
                    accepted.add(listener.accept());
                }
                assertEquals(3, idle.opened());
                assertEquals(3, idle.stillHeld());
                accepted.get(0).close();                                // the server closes one
                await().atMost(Duration.ofSeconds(5)).until(() -> idle.stillHeld() == 2);
                accepted.get(1).getOutputStream().write('x');           // and sends unasked on another
                await().atMost(Duration.ofSeconds(5)).until(() -> idle.stillHeld() == 1);
            }
            accepted.get(2).setSoTimeout(5_000);
            assertEquals(-1, accepted.get(2).getInputStream().read(), "closed at the end, having sent nothing");
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    @Test
    void aConnectThatFailsEndsTheRunWithOneLine() throws IOException {
        InetSocketAddress nobody = new InetSocketAddress(InetAddress.getLoopbackAddress(), TestServer.closedPort());
        LoadException e = assertThrows(LoadException.class,
                () -> IdleConnections.open(nobody, "127.0.0.1:" + nobody.getPort(), 2, CONNECT_TIMEOUT, new RunControl(1, 1, 0)));
        assertEquals("cannot hold 2 idle connections to 127.0.0.1:" + nobody.getPort() + ": idle connection 1 failed: connection refused",
                e.getMessage());
        assertTrue(e.getMessage().lines().count() == 1);
    }
}
