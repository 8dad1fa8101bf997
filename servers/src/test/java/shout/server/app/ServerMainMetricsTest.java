package shout.server.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import shout.cli.StartLine;
import shout.server.Wire;
import shout.server.metrics.Scrape;
import shout.server.metrics.StatsLog;

/** {@code --metrics-port} and {@code --stats-interval} on the server command in-process: on, off, and each user mistake. */
@Timeout(30)
class ServerMainMetricsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @Test
    void theStartLineNamesTheMetricsUrlWhichServesTheCountersUntilTheServerStops() throws Exception {
        Running server = Running.start("--mode", "nio", "--port", "0", "--metrics-port", "0", "--grace", "1s");
        String url = server.startLine().value("metrics").orElseThrow(() -> new AssertionError(server.out));
        assertTrue(url.matches("http://127\\.0\\.0\\.1:\\d+/metrics"), url);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.startLine().port())) {
            socket.setSoTimeout(5_000);
            assertEquals("PING", Wire.roundTrip(socket, "ping"));
        }
        await().atMost(PATIENCE).untilAsserted(() -> {
            String text = Scrape.get(url);
            assertEquals(0, Scrape.sample(text, "shout_connections_active", "nio", 0), text);
            assertEquals(1, Scrape.sample(text, "shout_connections_accepted_total", "nio", 0), text);
            assertEquals(4, Scrape.sample(text, "shout_received_bytes_total", "nio", 0), text);
            assertEquals(4, Scrape.sample(text, "shout_sent_bytes_total", "nio", 0), text);
        });
        assertEquals(0, server.stop());
        assertThrows(ConnectException.class, () -> Scrape.get(url), "the endpoint closes with the server");
        assertFalse(Scrape.threadAlive("metrics-http-"), "and its thread ends");
    }

    @Test
    void metricsAndTheStatsLineAreOffByDefault() throws Exception {
        Running server = Running.start("--mode", "nio", "--port", "0", "--grace", "1s");
        assertFalse(Scrape.threadAlive("metrics-http-"), "no metrics endpoint");
        assertFalse(Scrape.threadAlive("stats-log"), "no stats line");
        assertEquals(Optional.empty(), server.startLine().value("metrics"), server.out.toString());
        assertEquals(0, server.stop());
    }

    @Test
    void theStatsLineLogsTheCountersAtTheIntervalUntilTheServerStops() throws Exception {
        Logger logger = Logger.getLogger(StatsLog.class.getName());   // held, so the handler stays attached
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(new SimpleFormatter().formatMessage(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(capture);
        try {
            Running server = Running.start("--mode", "virtual", "--port", "0", "--stats-interval", "50ms", "--grace", "1s");
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.startLine().port())) {
                socket.setSoTimeout(5_000);
                assertEquals("PING", Wire.roundTrip(socket, "ping"));
            }
            await().atMost(PATIENCE).until(() -> lines.contains(
                    "stats mode=virtual process=0: connections accepted=1 rejected=0 active=0 bytes in=4 out=4 idle-closed=0"));
            assertEquals(0, server.stop());
            assertFalse(Scrape.threadAlive("stats-log"), "the stats thread ends with the server");
        } finally {
            logger.removeHandler(capture);
        }
    }

    @Test
    void aMetricsPortInUseIsOneLineAndExit1AndLeavesNothingRunning() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            StringWriter out = new StringWriter();
            assertEquals(1, ServerMain.run(new PrintWriter(out, true),
                    "--mode", "blocking", "--port", "0", "--metrics-port", "" + taken.getLocalPort()));
            ServerOutput.assertOneLineError(out, "cannot serve metrics on 127.0.0.1:" + taken.getLocalPort());
            assertFalse(Scrape.threadAlive("echo-blocking-acceptor"), "the echo server was closed");
            assertFalse(Scrape.threadAlive("metrics-http-"), "no metrics thread");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "--metrics-port 70000                | metrics-port must be 0..65535",
        "--metrics-port nine                 | --metrics-port",
        "--metrics-port 65535 --processes 2  | PORT+K-1 too with --processes K",
        "--stats-interval soon               | 'soon' is not a duration",
        "--stats-interval 10us               | stats-interval must be 0 (off) or at least 1ms"})
    void aBadMetricsPortOrStatsIntervalIsOneLineAndExit2(String args, String expected) {
        StringWriter out = new StringWriter();
        assertEquals(2, ServerMain.run(new PrintWriter(out, true), args.strip().split(" +")));
        ServerOutput.assertOneLineError(out, expected.strip());
    }

    /** The server command on a thread of its own, as a user runs it; {@link #stop()} interrupts it like Ctrl-C. */
    private record Running(Thread main, StringWriter out, AtomicInteger exitCode) {

        static Running start(String... args) {
            StringWriter out = new StringWriter();
            AtomicInteger exitCode = new AtomicInteger(-1);
            Thread main = Thread.ofPlatform().name("test-server-main")
                    .start(() -> exitCode.set(ServerMain.run(new PrintWriter(out, true), args)));
            await().atMost(PATIENCE).until(() -> ServerOutput.startLine(out).isPresent() || !main.isAlive());
            return new Running(main, out, exitCode);
        }

        StartLine startLine() {
            return ServerOutput.startLine(out).orElseThrow(() -> new AssertionError("no start line: " + out));
        }

        int stop() {
            main.interrupt();
            await().atMost(PATIENCE).until(() -> !main.isAlive());
            return exitCode.get();
        }
    }
}
