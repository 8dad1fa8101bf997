package shout.load.command;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import shout.cli.Cli;
import shout.load.LoadReport;
import shout.server.EchoServer;
import shout.server.Mode;
import shout.server.ModeTraits;
import shout.server.ServerConfig;
import shout.server.app.Servers;
import shout.server.metrics.MetricLabels;
import shout.server.metrics.MetricsEndpoint;
import shout.server.metrics.Scrape;

/** The load client's own report against the server's scraped metrics: both sides count the same connections and bytes. */
@Timeout(30)
class LoadAgainstMetricsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Mode.class)
    void theServersMetricsCountWhatTheLoadClientSentAndVerified(Mode mode) throws Exception {
        int connections = ModeTraits.servesOneClientAtATime(mode) ? 1 : 4;   // pool has four threads: more would wait for ever
        Path json = dir.resolve("report.json");
        try (EchoServer server = Servers.start(mode, ServerConfig.builder().port(0).threads(4).build());
             MetricsEndpoint metrics = MetricsEndpoint.start(server.stats(), new MetricLabels(mode.cliName(), 0), "127.0.0.1", 0)) {
            StringWriter err = new StringWriter();
            int code = Cli.commandLine(new LoadCommand(false, StopRequests.NONE))
                    .setOut(new PrintWriter(new StringWriter(), true)).setErr(new PrintWriter(err, true))
                    .execute("--port", "" + server.port(), "--threads", "2", "--connections", "" + connections,
                            "--messages", "3000", "--warmup", "0", "--json", "" + json);
            assertEquals(0, code, err.toString());
            LoadReport report = JSON.readValue(json.toFile(), LoadReport.class);
            assertEquals(Map.of(), report.errors());
            await().atMost(Duration.ofSeconds(10)).until(() -> server.stats().active() == 0);
            String text = Scrape.get(metrics.url());
            long bytes = report.throughput().messages() * report.run().sizeBytes();
            assertEquals(report.connections().connectionsUp(), Scrape.sample(text, "shout_connections_accepted_total", mode.cliName(), 0), text);
            assertEquals(bytes, Scrape.sample(text, "shout_received_bytes_total", mode.cliName(), 0), text);
            assertEquals(bytes, Scrape.sample(text, "shout_sent_bytes_total", mode.cliName(), 0), text);
        }
    }
}
