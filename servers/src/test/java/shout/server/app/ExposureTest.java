package shout.server.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import shout.cli.StartLine;
import shout.server.Mode;
import shout.server.ServerConfig;

/**
 * Nothing is exposed beyond this machine unless asked for: the default bind is loopback, and the
 * decision to warn about any other address is checked without binding one.
 */
@Timeout(30)
class ExposureTest {

    @ParameterizedTest
    @MethodSource("shout.server.EchoServerContractTest#modes")
    void withoutBindTheServerListensOnLoopbackOnly(Mode mode) throws Exception {
        StringWriter out = new StringWriter();
        Thread main = Thread.ofPlatform().name("server-main-" + mode.cliName())
                .start(() -> ServerMain.run(new PrintWriter(out, true), "--mode", mode.cliName(), "--port", "0"));
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> out.toString().contains("\n"));
            StartLine started = ServerOutput.startLine(out).orElseThrow(() -> new AssertionError("no start line: " + out));
            assertEquals("127.0.0.1", started.address().host(), started.toString());
            assertTrue(!out.toString().contains("warning"), out.toString());
            int port = started.port();
            for (InetAddress address : nonLoopbackAddresses()) {
                assertThrows(ConnectException.class, () -> connect(address, port), "reachable on " + address);
            }
        } finally {
            main.interrupt();
            main.join(Duration.ofSeconds(10));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.0.0.2", "::1", "localhost"})
    void loopbackIsNotWarnedAbout(String host) throws Exception {
        assertEquals(Optional.empty(), Exposure.warning(InetAddress.getByName(host)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "::", "192.168.1.10", "10.0.0.1", "2001:db8::1"})
    void anythingElseIsOneWarningLine(String host) throws Exception {
        String warning = Exposure.warning(InetAddress.getByName(host)).orElseThrow();
        assertTrue(warning.startsWith("warning: listening on ") && warning.endsWith("reachable from beyond this machine"), warning);
        assertEquals(1, warning.lines().count());
    }

    @Test
    void theDefaultBindAddressIsLoopback() throws Exception {
        assertTrue(InetAddress.getByName(ServerConfig.defaults().listen().host()).isLoopbackAddress());
    }

    private static void connect(InetAddress address, int port) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2_000);
        }
    }

    /** This machine's own non-loopback addresses: a server bound to loopback must refuse connections to them. */
    private static List<InetAddress> nonLoopbackAddresses() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
                .toList();
    }
}
