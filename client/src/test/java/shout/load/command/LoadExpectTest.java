package shout.load.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import shout.app.TestServer;
import shout.load.Expectation;
import shout.load.LoadReport;

/** {@code load --expect}: a plain echo server is checked byte for byte against what was sent, as strictly as ours. */
@Timeout(20)
class LoadExpectTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** 2,000 messages of 64 bytes on one connection: 128,000 reply bytes. */
    private static final int MESSAGES = 2000;
    private static final int SIZE = 64;

    @TempDir
    Path dir;

    private LoadRun load(TestServer server, String... more) {
        String[] args = {"--port", String.valueOf(server.port()), "--connections", "1", "--threads", "1",
                "--messages", String.valueOf(MESSAGES), "--size", String.valueOf(SIZE), "--json", dir.resolve("run.json").toString()};
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return LoadRun.of(all);
    }

    private LoadReport report() throws IOException {
        return JSON.readValue(dir.resolve("run.json").toFile(), LoadReport.class);
    }

    @Test
    void plainEchoServerPassesWithExpectEchoAndSaysSoInSummaryAndJson() throws Exception {
        try (TestServer server = TestServer.plainEcho(TestServer.NONE, 4096)) {
            LoadRun run = load(server, "--expect", "echo");
            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.out().contains("replies checked as echo"), run.out());
        }
        assertEquals(Map.of(), report().errors());
        assertEquals(MESSAGES, report().throughput().messages());
        assertEquals("echo", report().settings().expect());
    }

    @Test
    void plainEchoServerFailsWithExitThreeUnderTheDefaultUpper() throws Exception {
        try (TestServer server = TestServer.plainEcho(TestServer.NONE, 4096)) {
            LoadRun run = load(server);
            assertEquals(3, run.exitCode(), run.out());
        }
        assertEquals((long) MESSAGES * SIZE, report().errors().get("mismatch"), "every byte is a lowercase letter sent back as is");
        assertEquals("upper", report().settings().expect());
    }

    @Test
    void upperCasingServerFailsExpectEchoOnItsFirstLowercaseByte() throws Exception {
        try (TestServer server = TestServer.start(TestServer.NONE, 1)) {     // one byte per write: the first is checked alone
            LoadRun run = load(server, "--expect", "echo");
            assertEquals(3, run.exitCode(), run.out());
        }
        assertEquals((long) MESSAGES * SIZE, report().errors().get("mismatch"), "the payload is all lowercase letters");
    }

    @ParameterizedTest
    @EnumSource(Expectation.class)
    void corruptingServerIsCaughtWhateverTheExpectation(Expectation expect) throws Exception {
        TestServer.Fault everyThousandthByteFlipped = (chunk, length, streamOffset) -> {
            for (int i = 0; i < length; i++) {
                if ((streamOffset + i) % 1000 == 999) {
                    chunk[i] ^= 0x01;
                }
            }
            return length;
        };
        try (TestServer server = expect == Expectation.ECHO ? TestServer.plainEcho(everyThousandthByteFlipped, 4096)
                : TestServer.start(everyThousandthByteFlipped, 4096)) {
            LoadRun run = load(server, "--expect", expect.cliName());
            assertEquals(3, run.exitCode(), run.out());
        }
        assertEquals((long) MESSAGES * SIZE / 1000, report().errors().get("mismatch"));
    }

    @Test
    void unknownExpectationIsOneLineAndExitTwo() {
        LoadRun run = LoadRun.of("--port", "1", "--expect", "lower");
        assertEquals(2, run.exitCode());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("unknown expectation 'lower' (valid: upper, echo)"), run.err());
    }
}
