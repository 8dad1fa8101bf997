package shout.server.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import shout.cli.StartLine;
import shout.cli.StopLine;
import shout.server.Mode;
import shout.server.Wire;

/** The server command in-process: its start line, its stop, and one clear line for each user mistake. */
@Timeout(30)
class ServerMainTest {

    @Test
    void printsTheStartLineServesAndStopsOnInterrupt() throws Exception {
        StringWriter out = new StringWriter();
        AtomicInteger exitCode = new AtomicInteger(-1);
        Thread main = Thread.ofPlatform().name("test-server-main").start(() ->
                exitCode.set(ServerMain.run(new PrintWriter(out, true), "--mode", "virtual", "--port", "0", "--grace", "1s")));
        await().atMost(Duration.ofSeconds(10)).until(() -> ServerOutput.startLine(out).isPresent());
        StartLine started = ServerOutput.startLine(out).orElseThrow();
        assertEquals("127.0.0.1", started.address().host(), started.toString());
        assertEquals(Optional.of("virtual"), started.value("mode"), started.toString());
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), started.port())) {
            socket.setSoTimeout(5_000);
            assertEquals("PING", Wire.roundTrip(socket, "ping"));
        }
        main.interrupt();
        await().atMost(Duration.ofSeconds(10)).until(() -> !main.isAlive());
        assertEquals(0, exitCode.get());
        StopLine stopped = out.toString().lines().flatMap(line -> StopLine.parse(line).stream()).findFirst().orElseThrow();
        assertTrue(stopped.counters().startsWith("connections accepted=1 rejected=0 active=0 bytes in=4 out=4"), stopped.toString());
    }

    @Test
    void unknownModeIsOneLineListingTheValidOnesAndExit2() {
        StringWriter out = new StringWriter();
        assertEquals(2, ServerMain.run(new PrintWriter(out, true), "--mode", "turbo"));
        ServerOutput.assertOneLineError(out, "unknown mode 'turbo' (valid: " + String.join(", ", modeNames()) + ")");
    }

    @Test
    void listModesPrintsEveryModeOneALineAndExits0() {
        StringWriter out = new StringWriter();
        assertEquals(0, ServerMain.run(new PrintWriter(out, true), "--list-modes"));
        assertEquals(modeNames(), out.toString().lines().toList());
    }

    private static List<String> modeNames() {
        return Arrays.stream(Mode.values()).map(Mode::cliName).toList();
    }

    @Test
    void badNumberIsOneLineAndExit2() {
        StringWriter out = new StringWriter();
        assertEquals(2, ServerMain.run(new PrintWriter(out, true), "--port", "eighty"));
        ServerOutput.assertOneLineError(out, "--port");
    }

    @Test
    void impossibleValueIsOneLineAndExit2() {
        StringWriter out = new StringWriter();
        assertEquals(2, ServerMain.run(new PrintWriter(out, true), "--max-connections", "0"));
        ServerOutput.assertOneLineError(out, "max-connections must be positive");
    }

    @Test
    void unknownBindAddressIsOneLineAndExit2() {
        StringWriter out = new StringWriter();
        assertEquals(2, ServerMain.run(new PrintWriter(out, true), "--bind", "no-such-host.invalid", "--port", "0"));
        ServerOutput.assertOneLineError(out, "unknown bind address");
    }

    @Test
    void anAddressOfAnotherMachineIsOneLineAndExit2() {
        StringWriter out = new StringWriter();
        assertEquals(2, ServerMain.run(new PrintWriter(out, true), "--bind", "192.0.2.1", "--port", "0"));   // TEST-NET-1
        ServerOutput.assertOneLineError(out, "bind address '192.0.2.1' is not an address of this machine");
    }

    @Test
    void portInUseIsOneLineAndExit1() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            StringWriter out = new StringWriter();
            assertEquals(1, ServerMain.run(new PrintWriter(out, true), "--mode", "blocking", "--port", "" + taken.getLocalPort()));
            ServerOutput.assertOneLineError(out, "cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            nap:3              | work 'nap:3': unknown kind 'nap'
            fanout:10ms,,20ms  | an empty wait
            marked:1%cpu:20ms  | marked takes no share
            """)
    void badWorkSpecIsOneLineAndExit2(String spec, String error) {
        StringWriter out = new StringWriter();
        assertEquals(2, ServerMain.run(new PrintWriter(out, true), "--work", spec));
        ServerOutput.assertOneLineError(out, error);
    }

    @Test
    void helpListsEveryKindOfWork() {
        StringWriter out = new StringWriter();
        assertEquals(0, ServerMain.run(new PrintWriter(out, true), "--help"));
        String help = out.toString().replaceAll("\\s+", "");    // picocli wraps lines after a colon too
        for (String kind : List.of("none,", "sleep:DURATION", "cpu:DURATION", "seq:DURATION,DURATION", "fanout:DURATION,DURATION", "marked:WORK[/WORK]")) {
            assertTrue(help.contains(kind), kind + " in\n" + help);
        }
    }
}
