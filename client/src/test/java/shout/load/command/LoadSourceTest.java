package shout.load.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import shout.app.TestServer;
import shout.load.IoEngine;
import shout.load.LoadReport;

/**
 * {@code --source ADDR,...} binds the connections to the given local addresses in turn, with either
 * I/O engine; on loopback every 127.x.y.z is this machine's, so 127.0.0.2 and .3 reach a server on .1.
 */
@Timeout(20)
class LoadSourceTest {

    @TempDir
    Path dir;

    private LoadReport run(TestServer server, IoEngine engine, String sources) throws Exception {
        Path json = dir.resolve("run.json");
        LoadRun run = LoadRun.of("127.0.0.1:" + server.port(), "-c", "4", "-t", "2", "--messages", "400", "--quiet",
                "--io", engine.name().toLowerCase(Locale.ROOT), "--source", sources, "--json", "" + json);
        assertEquals(0, run.exitCode(), run.err());
        return new ObjectMapper().readValue(json.toFile(), LoadReport.class);
    }

    @ParameterizedTest
    @MethodSource("shout.load.command.LoadCommandTest#engines")
    void theConnectionsComeFromEachSourceInTurn(IoEngine engine) throws Exception {
        try (TestServer server = TestServer.start(TestServer.NONE, 4096)) {
            LoadReport report = run(server, engine, "127.0.0.2,127.0.0.3");
            assertEquals(4, report.connections().connectionsUp());
            assertEquals(Map.of(), report.errors());
            assertEquals(Set.of(InetAddress.getByName("127.0.0.2"), InetAddress.getByName("127.0.0.3")), server.peers());
        }
    }

    @ParameterizedTest
    @MethodSource("shout.load.command.LoadCommandTest#engines")
    void aSourceThatIsNotThisMachinesCountsAsBind(IoEngine engine) throws Exception {
        try (TestServer server = TestServer.start(TestServer.NONE, 4096)) {
            LoadReport report = run(server, engine, "127.0.0.2,192.0.2.1");      // 192.0.2.1: TEST-NET-1, nobody's
            assertEquals(2, report.connections().connectionsUp());
            assertEquals(2, report.connections().connectionsFailed());
            assertEquals(Map.of("bind", 2L), report.errors());
            assertEquals(Set.of(InetAddress.getByName("127.0.0.2")), server.peers());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "127.0.0.1:8081|127.0.0.2,no-such-host.invalid|Invalid value for option '--source' (ADDR): 'no-such-host.invalid' is neither an IP address nor a name that resolves",
        "127.0.0.1:8081|''|Invalid value for option '--source' (ADDR): a source address must not be empty",
        "127.0.0.1:8081|::1|source 0:0:0:0:0:0:0:1 is IPv6 but the server 127.0.0.1:8081 is IPv4",
        "[::1]:8081|127.0.0.2|source 127.0.0.2 is IPv4 but the server [::1]:8081 is IPv6"})
    void aSourceThatCannotBeUsedIsOneLineAndExitTwo(String target, String sources, String message) {
        LoadRun run = LoadRun.of(target, "--source", sources);
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().startsWith("error: " + message), run.err());
    }
}
