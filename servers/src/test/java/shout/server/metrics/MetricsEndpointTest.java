package shout.server.metrics;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.BindException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import shout.server.EchoServer;
import shout.server.Mode;
import shout.server.ServerConfig;
import shout.server.Wire;
import shout.server.app.Servers;

/** A real server under real traffic, scraped over HTTP: the metrics are the server's own counters. */
@Timeout(30)
class MetricsEndpointTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final int CONNECTIONS = 3;
    private static final int REPEATS = 500;                  // 13 KB a connection: several reads and writes

    @ParameterizedTest
    @EnumSource(Mode.class)
    void theCountersAreWhatTheClientsSentAndGotBack(Mode mode) throws Exception {
        MetricLabels labels = new MetricLabels(mode.cliName(), 0);
        try (EchoServer server = Servers.start(mode, ServerConfig.ephemeral());
             MetricsEndpoint metrics = MetricsEndpoint.start(server.stats(), labels, "127.0.0.1", 0)) {
            long sent = 0;
            for (int i = 0; i < CONNECTIONS; i++) {             // one after another, so the serial mode serves each
                try (Socket socket = Wire.connect(server)) {
                    String text = ("connection " + i + " says hello; ").repeat(REPEATS);
                    assertEquals(text.toUpperCase(Locale.ROOT), Wire.roundTrip(socket, text));
                    sent += text.length();
                }
            }
            await().atMost(PATIENCE).until(() -> server.stats().active() == 0);
            String text = Scrape.get(metrics.url());
            assertEquals(CONNECTIONS, Scrape.sample(text, "shout_connections_accepted_total", mode.cliName(), 0));
            assertEquals(sent, Scrape.sample(text, "shout_received_bytes_total", mode.cliName(), 0));
            assertEquals(sent, Scrape.sample(text, "shout_sent_bytes_total", mode.cliName(), 0));
            assertEquals(0, Scrape.sample(text, "shout_connections_active", mode.cliName(), 0));
            assertEquals(0, Scrape.sample(text, "shout_connections_rejected_total", mode.cliName(), 0));
            assertEquals(0, Scrape.sample(text, "shout_connections_idle_closed_total", mode.cliName(), 0));
        }
    }

    @Test
    void activeRejectedIdleClosedAndTheCapAreEachTheirOwnMetric() throws Exception {
        ServerConfig config = ServerConfig.builder().port(0).maxConnections(1).idleTimeout(Duration.ofMillis(300)).build();
        try (EchoServer server = Servers.start(Mode.NIO, config);
             MetricsEndpoint metrics = MetricsEndpoint.start(server.stats(), new MetricLabels("nio", 2), "127.0.0.1", 0);
             Socket admitted = Wire.connect(server)) {
            assertEquals("PING", Wire.roundTrip(admitted, "ping"));
            assertEquals(1, Scrape.sample(Scrape.get(metrics.url()), "shout_connections_active", "nio", 2));
            try (Socket overCap = Wire.connect(server)) {
                assertEquals(-1, overCap.getInputStream().read(), "over the cap: closed at once");
            }
            assertEquals(-1, admitted.getInputStream().read(), "closed by the idle timeout");
            await().atMost(PATIENCE).until(() -> server.stats().active() == 0);
            String text = Scrape.get(metrics.url());
            assertEquals(1, Scrape.sample(text, "shout_connections_accepted_total", "nio", 2));
            assertEquals(1, Scrape.sample(text, "shout_connections_rejected_total", "nio", 2));
            assertEquals(1, Scrape.sample(text, "shout_connections_idle_closed_total", "nio", 2));
            assertEquals(0, Scrape.sample(text, "shout_connections_active", "nio", 2));
            assertEquals(1, Scrape.sample(text, "shout_connections_limit", "nio", 2));
        }
    }

    @Test
    void closeReleasesThePortAndTheThread() throws Exception {
        try (EchoServer server = Servers.start(Mode.NIO, ServerConfig.ephemeral())) {
            MetricsEndpoint metrics = MetricsEndpoint.start(server.stats(), new MetricLabels("nio", 0), "127.0.0.1", 0);
            assertTrue(metricsThreadAlive(), "the endpoint runs on a named thread");
            metrics.close();
            metrics.close();                                     // safe twice
            assertThrows(ConnectException.class, () -> Scrape.get(metrics.url()));
            assertTrue(!metricsThreadAlive(), "close waited for its thread");
        }
    }

    @Test
    void aTakenPortIsABindExceptionAndLeavesNothingRunning() throws Exception {
        try (EchoServer server = Servers.start(Mode.NIO, ServerConfig.ephemeral());
             ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            assertThrows(BindException.class,
                    () -> MetricsEndpoint.start(server.stats(), new MetricLabels("nio", 0), "127.0.0.1", taken.getLocalPort()));
            assertTrue(!metricsThreadAlive(), "no thread left behind");
        }
    }

    private static boolean metricsThreadAlive() {
        return Scrape.threadAlive("metrics-http-");
    }
}
