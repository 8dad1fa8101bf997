package shout.load.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;
import shout.app.TestServer;
import shout.cli.ExitCode;
import shout.load.LoadReport;
import shout.server.EchoServer;
import shout.server.Mode;
import shout.server.ServerConfig;
import shout.server.app.Servers;

/** --fail-p99 and --fail-errors: exit 4 and one line on stderr when crossed; wrong bytes (3) still win. */
@Timeout(20)
class ThresholdsTest {

    private static LoadRun load(int port, String... args) {
        List<String> all = new ArrayList<>(List.of("127.0.0.1:" + port, "--quiet"));
        all.addAll(List.of(args));
        return LoadRun.of(all.toArray(String[]::new));
    }

    @Test
    void aP99AboveTheLimitExitsWithFourAndSaysSo() throws Exception {
        try (EchoServer server = Servers.start(Mode.NIO, ServerConfig.ephemeral())) {
            LoadRun run = load(server.port(), "-c", "2", "--messages", "1000", "--fail-p99", "1ns");
            assertEquals(ExitCode.THRESHOLD.code(), run.exitCode(), run.err());
            assertTrue(Pattern.matches("threshold crossed: p99 \\d+(\\.\\d+)?(us|ms|s) > --fail-p99 1ns", run.err().strip()), run.err());
            assertTrue(run.out().contains("verified in"), "the summary still comes: " + run.out());
        }
    }

    @Test
    void withinTheLimitsTheExitIsZero() throws Exception {
        try (EchoServer server = Servers.start(Mode.NIO, ServerConfig.ephemeral())) {
            LoadRun run = load(server.port(), "-c", "2", "--messages", "1000", "--fail-p99", "1h", "--fail-errors", "0");
            assertEquals(0, run.exitCode(), run.err());
            assertEquals("", run.err());
        }
    }

    private static Optional<String> crossed(String report, String... limits) throws Exception {
        Thresholds thresholds = new Thresholds();
        new CommandLine(thresholds).parseArgs(limits);
        return thresholds.crossed(new ObjectMapper().readValue(report, LoadReport.class));
    }

    @Test
    void errorsOfEveryKindAddUpAndOnlyMoreThanNCross() throws Exception {
        String report = "{\"latencyMicros\": {\"p99\": 900.0}, \"errors\": {\"refused\": 2, \"reset\": 1}}";
        assertEquals(Optional.empty(), crossed(report, "--fail-errors", "3"));
        assertEquals(Optional.of("threshold crossed: 3 errors > --fail-errors 2"), crossed(report, "--fail-errors", "2"));
        assertEquals(Optional.of("threshold crossed: p99 900us > --fail-p99 899us; 3 errors > --fail-errors 0"),
                crossed(report, "--fail-errors", "0", "--fail-p99", "899us"));
        assertEquals(Optional.empty(), crossed(report, "--fail-p99", "900us"));
        assertEquals(Optional.empty(), crossed(report));
    }

    @Test
    void wrongBytesWinOverACrossedThreshold() throws Exception {
        TestServer.Fault closeMidway = (chunk, length, streamOffset) -> streamOffset + length > 6400 ? -1 : length;
        try (TestServer server = TestServer.start(closeMidway, 4096)) {
            LoadRun run = load(server.port(), "-c", "2", "--messages", "1000", "--fail-errors", "0");
            assertEquals(ExitCode.WRONG_BYTES.code(), run.exitCode(), run.out() + run.err());
            assertTrue(run.err().strip().startsWith("threshold crossed: "), "still said: " + run.err());
        }
    }

    @Test
    void helpListsTheThresholdExitCode() {
        String help = LoadRun.of("--help").out();
        assertTrue(help.contains("  4  a threshold was crossed: --fail-p99 or --fail-errors; stderr says which"), help);
        assertTrue(help.contains("--fail-p99=DURATION"), help);
    }
}
