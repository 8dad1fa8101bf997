package shout.load.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import shout.app.TestServer;
import shout.cli.Durations;
import shout.cli.ExitCode;
import shout.load.IoEngine;
import shout.load.LoadReport;
import shout.load.OpenLoopTimes;
import shout.load.io.Poller;
import shout.server.EchoServer;
import shout.server.Mode;
import shout.server.ModeTraits;
import shout.server.ServerConfig;
import shout.server.app.Servers;

@Timeout(20)
class LoadCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static LoadRun load(int port, String... args) {
        List<String> all = new ArrayList<>(List.of("--port", String.valueOf(port), "--threads", "2"));
        all.addAll(List.of(args));
        return LoadRun.of(all.toArray(String[]::new));
    }

    /** Both I/O engines, each as {@code --io} spells it; epoll only where it runs. */
    static Stream<IoEngine> engines() {
        return Stream.of(IoEngine.NIO, IoEngine.EPOLL).filter(e -> e != IoEngine.EPOLL || Poller.epollAvailable());
    }

    static Stream<Arguments> modesAndEngines() {
        return Stream.of(Mode.values()).flatMap(mode -> engines().map(engine -> Arguments.of(mode, engine)));
    }

    private static String io(IoEngine engine) {
        return engine.name().toLowerCase(Locale.ROOT);
    }

    private LoadReport report(Path json) throws IOException {
        return JSON.readValue(json.toFile(), LoadReport.class);
    }

    private static EchoServer start(Mode mode) throws IOException {
        return Servers.start(mode, ServerConfig.builder().port(0).threads(4).build());
    }

    @ParameterizedTest
    @MethodSource("modesAndEngines")
    void countedRunVerifiesExactlyThatManyMessages(Mode mode, IoEngine engine) throws Exception {
        // serial serves one connection at a time and pool four: more would wait for ever with replies owed
        int connections = ModeTraits.servesOneClientAtATime(mode) ? 1 : 4;
        Path json = dir.resolve("report.json");
        try (EchoServer server = start(mode)) {
            LoadRun result = load(server.port(), "--connections", "" + connections, "--messages", "10000", "--json", "" + json,
                    "--io", io(engine));
            assertEquals(0, result.exitCode(), result.err());
        }
        LoadReport report = report(json);
        assertEquals(10_000, report.throughput().messages());
        assertEquals(Map.of(), report.errors());
        assertEquals(connections, report.connections().connectionsUp());
        assertEquals(io(engine), report.client().io());
        assertEquals(10_000 * 64 / 1e6, report.throughput().megabytesPerSecondIn() * report.throughput().measuredSeconds(), 1e-6);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void repliesSplitIntoPiecesAndPipelinedAreVerified(IoEngine engine) throws Exception {
        Path json = dir.resolve("report.json");
        try (TestServer server = TestServer.start(TestServer.NONE, 7)) {
            LoadRun result = load(server.port(), "--connections", "3", "--size", "100", "--pipeline", "4",
                    "--messages", "3000", "--json", "" + json, "--io", io(engine));
            assertEquals(0, result.exitCode(), result.err());
        }
        LoadReport report = report(json);
        assertEquals(3000, report.throughput().messages());
        assertEquals(Map.of(), report.errors());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void repliesLargerThanTheReadBufferAreReadToTheEnd(IoEngine engine) throws Exception {
        // 200 kB replies fill the 64 KiB read buffer again and again; an edge-triggered poller reports
        // the rest only if the client reads until a read leaves room, else the run stalls
        Path json = dir.resolve("report.json");
        try (EchoServer server = start(Mode.NIO)) {
            LoadRun result = load(server.port(), "--connections", "2", "--size", "200000", "--pipeline", "2",
                    "--messages", "40", "--stall-timeout", "5s", "--json", "" + json, "--io", io(engine));
            assertEquals(0, result.exitCode(), result.err());
        }
        assertEquals(40, report(json).throughput().messages());
        assertEquals(Map.of(), report(json).errors());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void wrongBytesAreCountedAndExitWithThree(IoEngine engine) throws Exception {
        Path json = dir.resolve("report.json");
        TestServer.Fault everyThousandthUnchanged = (chunk, length, streamOffset) -> {
            for (int i = 0; i < length; i++) {
                if ((streamOffset + i) % 1000 == 999) {
                    chunk[i] = (byte) Character.toLowerCase(chunk[i]);
                }
            }
            return length;
        };
        try (TestServer server = TestServer.start(everyThousandthUnchanged, 4096)) {
            LoadRun result = load(server.port(), "--connections", "1", "--messages", "5000", "--json", "" + json,
                    "--io", io(engine));
            assertEquals(3, result.exitCode());
            assertTrue(result.out().contains("mismatch=320"), result.out());
        }
        assertEquals(320L, report(json).errors().get("mismatch"));    // 5000 x 64 bytes, one in a thousand
    }

    @ParameterizedTest
    @MethodSource("engines")
    void closeWithBytesOwedCountsLostBytesAndExitsWithThree(IoEngine engine) throws Exception {
        Path json = dir.resolve("report.json");
        TestServer.Fault closeMidway = (chunk, length, streamOffset) -> streamOffset + length > 6400 ? -1 : length;
        try (TestServer server = TestServer.start(closeMidway, 4096)) {
            LoadRun result = load(server.port(), "--connections", "2", "--duration", "300ms", "--warmup", "0",
                    "--json", "" + json, "--io", io(engine));
            assertEquals(3, result.exitCode(), result.out());
        }
        LoadReport report = report(json);
        assertEquals(2L, report.errors().get("unexpected-close"));
        assertEquals(128L, report.errors().get("lost"));           // each connection's 101st message, 64 bytes
    }

    @Test
    void progressWhileWarmingUpShowsTheTrafficAlreadyFlowing() throws Exception {
        try (EchoServer server = Servers.start(Mode.NIO, ServerConfig.ephemeral())) {
            LoadRun result = load(server.port(), "--connections", "4", "--warmup", "1500ms", "--duration", "200ms");
            assertEquals(0, result.exitCode(), result.out() + result.err());
            String warming = result.err().lines().filter(line -> line.contains("warming up")).findFirst().orElseThrow();
            assertFalse(warming.contains(" 0 msgs/s"), warming);
        }
    }

    @Test
    void countedRunAgainstAServerThatServesOneAtATimeGivesUpWithOneLine() throws Exception {
        try (EchoServer server = Servers.start(Mode.SERIAL, ServerConfig.ephemeral())) {
            // the one served connection uses up the budget, while the other two still owe their first replies
            LoadRun result = load(server.port(), "--connections", "3", "--messages", "2000", "--stall-timeout", "500ms");
            assertEquals(1, result.exitCode(), result.out() + result.err());
            assertTrue(result.lastErrLine().startsWith("error: no reply from 127.0.0.1:" + server.port() + " for 500ms"), result.err());
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void closedPortIsOneClearLineAndExitOne(IoEngine engine) throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        LoadRun result = load(closedPort, "--connections", "3", "--duration", "1s", "--io", io(engine));
        assertEquals(1, result.exitCode());
        assertEquals("error: cannot connect to 127.0.0.1:" + closedPort + ": connection refused", result.err().strip());
        assertEquals("", result.out());
    }

    @Test
    void unknownHostIsOneClearLineAndExitOne() {
        LoadRun result = load(8081, "--host", "no-such-host.invalid");
        assertEquals(1, result.exitCode());
        assertEquals("error: cannot connect to no-such-host.invalid:8081: unknown host", result.err().strip());
    }

    @Test
    void badOptionIsOneLineAndExitTwo() {
        LoadRun result = load(8081, "--pipeline", "0");
        assertEquals(2, result.exitCode());
        assertEquals("error: pipeline must be positive, not 0", result.err().strip());
    }

    @Test
    void helpShowsTheConfigDefaults() {
        LoadRun result = load(8081, "--help");
        assertEquals(0, result.exitCode(), result.err());
        for (String shown : List.of("--duration=DURATION", "(default: 10s)", "(default: 2s; none with --messages)",
                "(default: 5s)", "(default: 127.0.0.1)", "(default: 8081)", "(default: 100)", "(default: auto")) {
            assertTrue(result.out().contains(shown), shown + " in " + result.out());
        }
    }

    @Test
    void helpListsEveryExitCode() {
        String help = load(8081, "--help").out();
        for (ExitCode code : ExitCode.values()) {
            assertTrue(help.contains(code.code() + "  " + code.meaning()), code + " in " + help);
        }
    }

    @Test
    void unknownEngineIsOneLineAndExitTwo() {
        LoadRun result = load(8081, "--io", "kqueue");
        assertEquals(2, result.exitCode());
        assertTrue(result.err().strip().contains("unknown I/O engine 'kqueue' (valid: auto, nio, epoll)"), result.err());
        assertEquals(1, result.err().strip().lines().count(), result.err());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void ipv6LoopbackWorksLikeIpv4(IoEngine engine) throws Exception {
        assumeTrue(ipv6Loopback(), "no IPv6 loopback here");
        Path json = dir.resolve("report.json");
        try (EchoServer server = Servers.start(Mode.NIO, ServerConfig.builder().port(0).host("::1").build())) {
            LoadRun result = load(server.port(), "--host", "::1", "--connections", "2", "--messages", "2000",
                    "--json", "" + json, "--io", io(engine));
            assertEquals(0, result.exitCode(), result.err());
        }
        assertEquals(2000, report(json).throughput().messages());
        assertEquals(Map.of(), report(json).errors());
    }

    private static boolean ipv6Loopback() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
            return probe.getLocalPort() > 0;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void openLoopShowsAServerStallInTheHighPercentiles() throws Exception {
        Path json = dir.resolve("report.json");
        AtomicBoolean stalled = new AtomicBoolean();
        TestServer.Fault stallOnceFor200ms = (chunk, length, streamOffset) -> {
            if (streamOffset > 64 * 100 && stalled.compareAndSet(false, true)) {
                stall(TimeUnit.MILLISECONDS.toNanos(200));   // the fault under test, not a wait for the test
            }
            return length;
        };
        LoadRun result;
        try (TestServer server = TestServer.start(stallOnceFor200ms, 4096)) {
            result = load(server.port(), "--connections", "1", "--rate", "1000", "--duration", "800ms",
                    "--warmup", "0", "--json", "" + json);
            assertEquals(0, result.exitCode(), result.err());
        }
        LoadReport report = report(json);
        assertTrue(stalled.get());
        assertTrue(report.run().openLoop());
        assertTrue(report.latencyMicros().max() >= 200_000, "max " + report.latencyMicros());
        // closed loop would charge the stall to one message; the open loop to every one scheduled during it
        assertTrue(report.latencyMicros().p99() >= 100_000, "p99 " + report.latencyMicros());
        // the message that met the stall took it as its own service time; each message's latency includes its service time
        OpenLoopTimes times = report.openLoopTimes();
        assertTrue(times.serviceTimeMicros().max() >= 200_000, "service " + times.serviceTimeMicros());
        assertTrue(times.serviceTimeMicros().p99() <= report.latencyMicros().p99(), times + " against " + report.latencyMicros());
        assertTrue(times.decodeLateness().getTotalCount() > 0, "every scheduled send counts its lateness");
        assertTrue(result.out().contains("service time   p50 " + Durations.readable(times.serviceTimeMicros().p50())), result.out());
        assertTrue(result.out().contains("client late    p50 " + Durations.readable(times.latenessMicros().p50())), result.out());
    }

    private static void stall(long nanos) {
        long until = System.nanoTime() + nanos;
        for (long left = nanos; left > 0; left = until - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    @Test
    void jsonAndHdrLogHoldTheNumbersOfTheSummary() throws Exception {
        Path json = dir.resolve("report.json");
        Path hdrLog = dir.resolve("latency.hlog");
        LoadRun result;
        try (EchoServer server = Servers.start(Mode.VIRTUAL, ServerConfig.ephemeral())) {
            result = load(server.port(), "--connections", "4", "--duration", "400ms", "--warmup", "100ms",
                    "--seed", "42", "--json", "" + json, "--hdr-log", "" + hdrLog);
        }
        assertEquals(0, result.exitCode(), result.err());
        LoadReport report = report(json);
        assertEquals(42, report.run().seed());
        assertTrue(report.throughput().messages() > 0);
        String summary = result.out();
        assertTrue(summary.contains(String.format(Locale.ROOT, "%d verified in %.2f s = %.0f msgs/s",
                report.throughput().messages(), report.throughput().measuredSeconds(), report.throughput().messagesPerSecond())), summary);
        assertTrue(summary.contains("p99 " + Durations.readable(report.latencyMicros().p99()) + " "), summary);
        assertTrue(summary.contains("4 up, 0 failed, of 4"), summary);
        assertTrue(summary.contains("seed 42"), summary);
        assertFalse(summary.contains("\r"), "no progress line when not on a terminal");
        assertEquals(report.throughput().messages(), countsIn(hdrLog));
        assertTrue(summary.contains(String.format(Locale.ROOT, "= %.1f us a message", report.clientCpuMicrosPerMessage())), summary);
        assertNull(report.openLoopTimes(), "a closed loop sends when it is answered: no schedule to be late for");
        assertFalse(summary.contains("service time"), summary);
    }

    /** The latencies an HdrHistogram log holds, over all its intervals. */
    static long countsIn(Path hdrLog) throws IOException {
        long total = 0;
        HistogramLogReader reader = new HistogramLogReader(hdrLog.toFile());
        for (EncodableHistogram h; (h = reader.nextIntervalHistogram()) != null; ) {
            total += ((org.HdrHistogram.Histogram) h).getTotalCount();
        }
        reader.close();
        return total;
    }
}
