package shout.load.command;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import shout.load.LoadReport;
import shout.server.EchoServer;
import shout.server.Mode;
import shout.server.ServerConfig;
import shout.server.app.Servers;

/**
 * shout and the C peers of {@code bench/reference} checking each other, as the bench scripts pair them: {@code shout
 * load} verifies every reply of the C epoll server, and the C client {@code pingpong} verifies every reply of a shout
 * server, and fails against a check the replies cannot pass, so its check is real. Builds the peers with the
 * system {@code cc} into a temporary folder; skipped where there is no {@code cc} or {@code make}.
 */
@Timeout(120)
class ReferencePeersIT {

    private static final Path REFERENCE = Path.of("..", "bench", "reference").toAbsolutePath().normalize();
    private static final Pattern LISTENING = Pattern.compile("listening on \\S+ port (\\d+)");

    @TempDir
    static Path bin;

    @TempDir
    Path dir;

    private static boolean built;

    @BeforeAll
    static void buildPeers() throws Exception {
        if (!runs("cc") || !runs("make")) {
            return;
        }
        Process make = new ProcessBuilder("make", "-s", "-C", REFERENCE.toString(), "OUT=" + bin).redirectErrorStream(true).start();
        String log = new String(make.getInputStream().readAllBytes(), UTF_8);
        assertEquals(0, make.waitFor(), "make -C bench/reference: " + log);
        built = true;
    }

    @BeforeEach
    void needsPeers() {
        // here rather than in buildPeers, where the build tools report a skipped class without its reason
        assumeTrue(built, "no cc or make here: the C reference peers cannot be built");
    }

    @Test
    void loadVerifiesEveryReplyOfTheReferenceServer() throws Exception {
        Process server = new ProcessBuilder(bin.resolve("epoll_upper").toString(), "0").start();
        try (BufferedReader err = server.errorReader(UTF_8)) {
            String startLine = String.valueOf(err.readLine());
            Matcher listening = LISTENING.matcher(startLine);
            assertTrue(listening.find(), "start line: " + startLine);
            Path json = dir.resolve("report.json");
            LoadRun result = LoadRun.of("--port", listening.group(1), "--connections", "3", "--size", "1000", "--pipeline", "2",
                    "--messages", "3000", "--json", json.toString());
            assertEquals(0, result.exitCode(), result.err());
            LoadReport report = new ObjectMapper().readValue(json.toFile(), LoadReport.class);
            assertEquals(3000, report.throughput().messages());
            assertEquals(Map.of(), report.errors());
        } finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void pingpongVerifiesEveryReplyOfAShoutServer() throws Exception {
        try (EchoServer server = Servers.start(Mode.NIO, ServerConfig.builder().port(0).build())) {
            PingPong run = PingPong.run(server.port(), "upper");
            assertEquals(0, run.exitCode(), run.line());
            assertEquals("0", run.value("mismatches"), run.line());
            assertEquals("0", run.value("errors"), run.line());
            assertEquals("3", run.value("active"), run.line());
        }
    }

    @Test
    void pingpongFailsOnRepliesThatAreNotWhatItExpects() throws Exception {
        try (EchoServer server = Servers.start(Mode.NIO, ServerConfig.builder().port(0).build())) {
            PingPong run = PingPong.run(server.port(), "echo");   // checks for the bytes sent, but they come back upper-cased
            assertEquals(1, run.exitCode(), run.line());
            assertNotEquals("0", run.value("mismatches"), run.line());
        }
    }

    @Test
    void pingpongOpenLoopKeepsItsRateAndVerifiesEveryReply() throws Exception {
        try (EchoServer server = Servers.start(Mode.NIO, ServerConfig.builder().port(0).build())) {
            PingPong run = PingPong.run(server.port(), "upper", "-c", "10", "-w", "0.3", "-d", "1", "-R", "2000", "-T", "200");
            assertEquals(0, run.exitCode(), run.line());
            assertEquals("0", run.value("mismatches"), run.line());
            assertEquals("0", run.value("held"), run.line());
            double rate = Double.parseDouble(run.value("rt/s"));
            assertTrue(rate > 1800 && rate < 2200, "the schedule's 2,000 msgs/s, whatever the server: " + run.line());
            assertFalse(run.value("late_p99_us").isEmpty(), run.line());
        }
    }

    @Test
    void pingpongRefusesABatchWithoutARate() throws Exception {
        PingPong run = PingPong.run(1, "upper", "-T", "200");
        assertEquals(2, run.exitCode(), run.line());
    }

    private static boolean runs(String program) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(program, "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException notThere) {
            return false;
        }
    }

    /**
     * One short {@code pingpong} run: by default three connections, two 100-byte messages in flight each, 0.3 s, no
     * warm-up; {@code more} adds options or overrides these (the last of a repeated option wins).
     */
    private record PingPong(int exitCode, String line) {

        static PingPong run(int port, String check, String... more) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of(bin.resolve("pingpong").toString(), "-p", "" + port,
                    "-c", "3", "-s", "100", "-P", "2", "-w", "0", "-d", "0.3", "-m", check));
            command.addAll(List.of(more));
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(p.getInputStream().readAllBytes(), UTF_8).strip();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "pingpong finished");
            return new PingPong(p.exitValue(), out);
        }

        /** The value of {@code key=} in the line, or an empty string. */
        String value(String key) {
            Matcher m = Pattern.compile("(?:^| )" + Pattern.quote(key) + "=(\\S+)").matcher(line);
            return m.find() ? m.group(1) : "";
        }
    }
}
