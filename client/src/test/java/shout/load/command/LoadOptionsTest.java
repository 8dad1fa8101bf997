package shout.load.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import shout.load.LoadReport;
import shout.server.EchoServer;
import shout.server.Mode;
import shout.server.ServerConfig;
import shout.server.app.Servers;

/** The habits of load-testing tools on the command line: a positional HOST:PORT, wrk2's short options, SI counts. */
@Timeout(20)
class LoadOptionsTest {

    @TempDir
    Path dir;

    private LoadReport runAndRead(String... args) throws Exception {
        LoadRun run = LoadRun.of(args);
        assertEquals(0, run.exitCode(), run.err());
        return new ObjectMapper().readValue(dir.resolve("run.json").toFile(), LoadReport.class);
    }

    @Test
    void positionalTargetAndShortOptionsAsWrk2TakesThem() throws Exception {
        try (EchoServer server = Servers.start(Mode.NIO, ServerConfig.ephemeral())) {
            LoadReport report = runAndRead("127.0.0.1:" + server.port(), "-c", "3", "-t", "2", "-d", "300ms",
                    "--warmup", "0", "--quiet", "--json", dir.resolve("run.json").toString());
            assertEquals("127.0.0.1:" + server.port(), report.run().target());
            assertEquals(3, report.connections().connectionsUp());
            assertEquals(2, report.settings().threads());
            assertEquals(0.3, report.settings().timing().durationSeconds(), 1e-9);
            assertEquals(Map.of(), report.errors());
        }
    }

    @Test
    void theReadmeOpenLoopCommandRunsShorter() throws Exception {
        try (EchoServer server = Servers.start(Mode.NIO, ServerConfig.ephemeral())) {
            LoadReport report = runAndRead("127.0.0.1:" + server.port(), "-c", "100", "-d", "1s", "-R", "20k",
                    "--warmup", "200ms", "--quiet", "--json", dir.resolve("run.json").toString());
            assertTrue(report.run().openLoop());
            assertEquals(20_000, report.settings().rates().rateMessagesPerSecond());
            assertEquals(100, report.connections().connectionsUp());
            assertEquals(Map.of(), report.errors());
            assertTrue(report.throughput().messages() > 0, "messages " + report.throughput().messages());
        }
    }

    @Test
    void siSuffixesCountMessagesAndConnections() throws Exception {
        try (EchoServer server = Servers.start(Mode.NIO, ServerConfig.ephemeral())) {
            LoadReport report = runAndRead("127.0.0.1:" + server.port(), "-c", "0.004k", "--messages", "2.5k",
                    "--quiet", "--json", dir.resolve("run.json").toString());
            assertEquals(4, report.connections().connectionsRequested());
            assertEquals(2_500, report.throughput().messages());
            assertEquals(2_500, report.settings().timing().messages());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "-c|10x|Invalid value for option '--connections': '10x' is not a count (examples: 100, 10k, 2.5k, 1M, 1G)",
        "--messages|1.5|Invalid value for option '--messages': '1.5' is not a whole number (examples: 100, 10k, 2.5k, 1M)",
        "-R|fast|Invalid value for option '--rate': 'fast' is not a count (examples: 100, 10k, 2.5k, 1M, 1G)",
        "-t|3G|Invalid value for option '--threads': '3G' is too large (at most 2147483647)",
        "-d|soon|Invalid value for option '--duration': 'soon' is not a duration (examples: 300s, 10ms, 200us, 2m)",
        "--progress-interval|-1s|Invalid value for option '--progress-interval': '-1s' is not a duration (examples: 300s, 10ms, 200us, 2m)",
        "--fail-p99|0|fail-p99 must be above 0",
        "--interval|5ms|interval must be at least 10ms, not 5ms",
        "--interval|11s|interval must not be longer than the duration (10s), not 11s",
        "--fail-errors|-1|Invalid value for option '--fail-errors': '-1' is not a count (examples: 100, 10k, 2.5k, 1M, 1G)"})
    void aBadValueIsOneLineAndExitTwo(String option, String value, String message) {
        LoadRun run = LoadRun.of("127.0.0.1:1", option, value);
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().startsWith("error: " + message), run.err());
    }

    @ParameterizedTest
    @CsvSource({"--host,127.0.0.1", "--port,8081"})
    void targetBothWaysIsAUsageError(String option, String value) {
        LoadRun run = LoadRun.of("127.0.0.1:8081", option, value);
        assertEquals(2, run.exitCode());
        assertEquals("error: give the server as HOST:PORT or with --host/--port, not both", run.err().strip());
    }

    @Test
    void helpSaysWhatTheSeveralMachineOptionsDoWithAnExample() {
        LoadRun run = LoadRun.of("--help");
        assertEquals(0, run.exitCode(), run.err());
        String help = run.out().replaceAll("\\s+", "");      // picocli wraps the descriptions, also after a colon
        for (String expected : List.of(
                "--tag=NAME Names this run among runs from several machines that are merged later, e.g. --tag east-1:",
                "--start-at=TIME Connect first, then send nothing until TIME, then warm up and measure as usual",
                "TIME is an ISO-8601 instant with Z or an offset, e.g. 2026-11-30T20:15:00Z, or a time of day, e.g. 20:15:00",
                "--source=ADDR[,ADDR...] Bind the connections to these local addresses in turn, e.g. --source 127.0.0.2,127.0.0.3:")) {
            assertTrue(help.contains(expected.replaceAll("\\s+", "")), expected + " in " + run.out());
        }
    }

    @Test
    void aTargetWithoutPortIsAUsageError() {
        LoadRun run = LoadRun.of("localhost");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("error: Invalid value for positional parameter at index 0 (HOST:PORT): "
                + "'localhost' is not HOST:PORT"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }
}
