package shout.load.command;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import shout.load.LoadReport;
import shout.server.EchoServer;
import shout.server.Mode;
import shout.server.ServerConfig;
import shout.server.ServerStats;
import shout.server.app.Servers;

/**
 * {@code --idle N} against an in-process server: the server accepts the idle connections beside the active ones, receives
 * nothing on them, and sees all of them closed at the end; the summary and JSON count them. (Idle connections the server
 * closes are the engine's test: IdleConnectionsTest.)
 */
@Timeout(30)
class LoadIdleTest {

    private static final int ACTIVE = 3;
    private static final int IDLE = 40;
    private static final int MESSAGES = 600;
    private static final int SIZE_BYTES = 64;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"BLOCKING", "VIRTUAL", "NIO", "NETTY"})   // serial and pool would serve idle ones first
    void theServerHoldsTheIdleConnectionsBesideTheActiveOnesAndGetsNothingOnThem(Mode mode) throws Exception {
        Path json = dir.resolve("run.json");
        try (EchoServer server = Servers.start(mode, ServerConfig.builder().port(0).threads(2).build())) {
            LoadRun run = LoadRun.of("127.0.0.1:" + server.port(), "-c", "" + ACTIVE, "-t", "1", "--idle", "" + IDLE,
                    "--messages", "" + MESSAGES, "--size", "" + SIZE_BYTES, "--json", "" + json);
            assertEquals(0, run.exitCode(), run.err());
            LoadReport report = new ObjectMapper().readValue(json.toFile(), LoadReport.class);
            assertEquals(new LoadReport.ConnectionCounts(ACTIVE, ACTIVE, 0, IDLE, IDLE), report.connections());
            assertEquals(Map.of(), report.errors());
            assertTrue(run.out().contains(IDLE + " held open and silent to the end, of " + IDLE), run.out());

            ServerStats stats = server.stats();
            await().atMost(Duration.ofSeconds(10)).until(() -> stats.active() == 0);     // every one closed at the end
            ServerStats.Snapshot seen = stats.snapshot();
            assertEquals(ACTIVE + IDLE, seen.accepted(), "the server accepted the idle connections too: " + seen);
            assertEquals(0, seen.rejected(), seen.toString());
            assertEquals(report.throughput().messages() * SIZE_BYTES, seen.bytesIn(), "only the active connections sent anything: " + seen);
        }
    }

    @Test
    void aNegativeIdleCountIsOneLineAndExitCode2() {
        LoadRun run = LoadRun.of("127.0.0.1:1", "--idle=-1");
        assertEquals(2, run.exitCode(), run.err());
        String error = run.err().strip();
        assertEquals(1, error.lines().count(), error);
        assertTrue(error.startsWith("error: ") && error.contains("idle") && error.contains("-1"), error);
    }
}
