package shout.load.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import shout.cli.ExitCode;

/**
 * {@code --timeout} on a timed run against a server that never answers: the kernel completes the
 * connects into the backlog of a socket nobody accepts from, so every request waits for ever.
 */
@Timeout(60)
class LoadReplyTimeoutTest {

    @Test
    void everyUnansweredConnectionEndsAsReplyTimeoutLongBeforeTheDuration(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("run.json");
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            LoadRun run = LoadRun.of("--port", String.valueOf(silent.getLocalPort()), "--connections", "4", "--threads", "1",
                    "--warmup", "0", "--duration", "10m", "--timeout", "200ms", "--size", "16", "--json", json.toString());
            assertEquals(ExitCode.WRONG_BYTES.code(), run.exitCode(), run.err());   // the owed bytes never came back
            assertTrue(run.out().contains("reply-timeout=4"), run.out());
            JsonNode errors = new ObjectMapper().readTree(json.toFile()).path("errors");
            assertEquals(4, errors.path("reply-timeout").asLong(), errors.toString());
            assertEquals(4 * 16, errors.path("lost").asLong(), errors.toString());
            assertEquals(0, errors.path("mismatch").asLong(), errors.toString());
        }
    }

    @Test
    void aNegativeTimeoutIsOneClearLine() {
        LoadRun run = LoadRun.of("--port", "1", "--timeout", "-1s");
        assertEquals(ExitCode.USAGE.code(), run.exitCode());
        assertTrue(run.lastErrLine().startsWith("error: "), run.err());
    }
}
