package shout.server.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import shout.cli.StartLine;
import shout.server.Wire;
import shout.server.metrics.Scrape;

/** {@code --processes 2}: two real server processes share one port, the kernel gives each a share, and each serves its own metrics. */
@Timeout(60)
class ProcessGroupTest {

    private static final Pattern STOPPED = Pattern.compile("^process (\\d) stopped: connections accepted=(\\d+) ", Pattern.MULTILINE);

    @Test
    void twoProcessesShareThePortAndBothServe() throws Exception {
        StringWriter out = new StringWriter();
        AtomicInteger exitCode = new AtomicInteger(-1);
        Thread main = Thread.ofPlatform().name("test-group-main").start(() -> exitCode.set(ServerMain.run(
                new PrintWriter(out, true), "--mode", "virtual", "--port", "0", "--processes", "2", "--grace", "1s", "--metrics-port", "0")));
        await().atMost(Duration.ofSeconds(30)).until(() -> ServerOutput.startLine(out).isPresent());
        StartLine started = ServerOutput.startLine(out).orElseThrow();
        assertEquals("127.0.0.1", started.address().host(), started.toString());
        assertEquals(Optional.of("virtual"), started.value("mode"), started.toString());
        assertEquals(Optional.of("2"), started.value("processes"), started.toString());
        int port = started.port();
        for (int i = 0; i < 100; i++) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                socket.setSoTimeout(5_000);
                assertEquals("PING " + i, Wire.roundTrip(socket, "ping " + i));
            }
        }
        List<String> metrics = List.of(started.value("metrics").orElseThrow().split(","));
        assertEquals(2, metrics.size(), "each process serves its own metrics: " + started);
        long scrapedAccepted = 0;
        for (int process = 0; process < 2; process++) {
            scrapedAccepted += Scrape.sample(Scrape.get(metrics.get(process)), "shout_connections_accepted_total", "virtual", process);
        }
        assertEquals(100, scrapedAccepted, "the processes' metrics add up to the connections made");
        main.interrupt();
        await().atMost(Duration.ofSeconds(30)).until(() -> !main.isAlive());
        assertEquals(0, exitCode.get(), out.toString());
        List<Integer> accepted = STOPPED.matcher(out.toString()).results().map(m -> Integer.parseInt(m.group(2))).toList();
        assertEquals(2, accepted.size(), out.toString());
        assertEquals(100, accepted.get(0) + accepted.get(1), out.toString());
        assertTrue(accepted.get(0) > 0 && accepted.get(1) > 0, "both processes served: " + accepted);
    }
}
