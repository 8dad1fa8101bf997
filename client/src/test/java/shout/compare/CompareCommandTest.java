package shout.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import shout.app.ShoutMain;
import shout.app.TestServer;
import shout.cli.Cli;
import shout.cli.Durations;
import shout.cli.ExitCode;
import shout.compare.plan.Cell;
import shout.compare.plan.PeerConverter;
import shout.compare.process.CellFailure;
import shout.compare.process.ChildShout;
import shout.compare.process.LoadRunner;
import shout.load.LoadReport;
import shout.load.MarkShare;
import shout.server.EchoServer;
import shout.server.Mode;
import shout.server.ServerConfig;
import shout.server.app.ServerMain;
import shout.server.app.Servers;

/** {@code shout compare} with real server processes and a stand-in load client ({@link RoundTripLoad}). */
@Timeout(60)
class CompareCommandTest {

    @TempDir
    Path out;

    @AfterEach
    void noChildProcessIsLeftRunning() {
        assertEquals(List.of(), ProcessHandle.current().children().filter(ProcessHandle::isAlive).toList());
    }

    @Test
    void twoModesGiveACellPerConnectionCountWithTableJsonAndCharts() throws Exception {
        StringWriter text = new StringWriter();
        List<ChildShout> launchers = new CopyOnWriteArrayList<>();
        int code = compare(text, (shout, pinning, children) -> {
                    launchers.add(shout);
                    return new RoundTripLoad();
                },
                "--modes", "blocking,virtual", "--connections", "1,10", "--duration", "300ms", "--warmup", "100ms",
                "--out", out.toString());
        assertEquals(0, code, text.toString());
        assertTrue(text.toString().startsWith("compare: 2 servers x 2 connection counts = 4 cells"), text.toString());
        assertEquals(List.of(ShoutMain.class), launchers.stream().map(ChildShout::entryPoint).toList(), "the entry point handed in");

        Path dir = onlyResultDirectory();
        JsonNode results = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        assertEquals("shout compare --modes blocking,virtual --connections 1,10 --duration 300ms --warmup 100ms --out " + out,
                results.get("commandLine").asText());
        assertEquals(List.of(4, 4, false), List.of(results.get("cellsRun").asInt(), results.get("cellsPlanned").asInt(),
                results.get("interrupted").asBoolean()), results.toString());
        JsonNode cells = results.at("/parts/0/cells");
        assertEquals(4, cells.size());
        for (JsonNode cell : cells) {
            assertTrue(cell.get("failure").isNull(), cell.toString());
            assertTrue(cell.at("/load/messagesPerSecond").asDouble() > 0, cell.toString());
            assertEquals(List.of(cell.at("/load/messagesPerSecond").asDouble()), doubles(cell.get("repeats")), cell.toString());
            assertEquals(0, cell.at("/load/errors").size(), cell.toString());
            assertTrue(cell.at("/server/peakResidentMiB").asDouble() > 0, cell.toString());
            assertTrue(cell.at("/server/peakThreads").asInt() > 1, cell.toString());
            assertTrue(cell.get("note").isNull(), cell.toString());
            assertTrue(cell.get("idealMessagesPerSecond").isNull(), cell.toString());
        }
        // one server per row for all its cells: the same start line (its port) on both, its counters on the last only
        for (int row : List.of(0, 2)) {
            assertEquals(cells.get(row).get("serverStartLine"), cells.get(row + 1).get("serverStartLine"), cells.toString());
            assertTrue(cells.get(row).get("serverSummary").isNull(), cells.toString());
            assertTrue(cells.get(row + 1).get("serverSummary").asText().startsWith("stopped: connections accepted="), cells.toString());
        }
        assertFalse(cells.get(0).get("serverStartLine").equals(cells.get(2).get("serverStartLine")), cells.toString());
        // the JIT warm-up (100 connections, capped at the largest count: 10) and the two cells of 1 and 10 connections
        assertTrue(cells.get(1).get("serverSummary").asText().startsWith("stopped: connections accepted=21 "), cells.toString());
        assertChartsAreImages(dir);
        String report = Files.readString(dir.resolve("report.md"));
        for (String row : List.of("| blocking | 1 |", "| blocking | 10 |", "| virtual | 1 |", "| virtual | 10 |")) {
            assertTrue(report.contains(row), row + " missing in:\n" + report);
        }
        assertTrue(text.toString().contains("report: " + dir.resolve("report.md")), text.toString());
    }

    @Test
    void anInterruptedRunKeepsItsFinishedCellsMarkedInterruptedAndExits130() throws Exception {
        StringWriter text = new StringWriter();
        int code = compare(text, (shout, pinning, children) -> new LoadRunner() {
                    private final RoundTripLoad load = new RoundTripLoad();
                    private int cells;

                    @Override
                    public LoadReport run(Cell cell, String host, int port) throws CellFailure, IOException {
                        if (++cells == 2) {
                            children.interrupt();       // what the first Ctrl-C does, in the second cell
                        }
                        return load.run(cell, host, port);
                    }
                },
                "--modes", "blocking,virtual", "--connections", "1,10", "--duration", "100ms", "--warmup", "0s", "--jit-warmup", "0s",
                "--out", out.toString());
        assertEquals(130, code, text.toString());
        Path dir = onlyResultDirectory();
        JsonNode results = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        assertTrue(results.get("interrupted").asBoolean(), results.toString());
        assertEquals(List.of(1, 4), List.of(results.get("cellsRun").asInt(), results.get("cellsPlanned").asInt()), results.toString());
        JsonNode cells = results.at("/parts/0/cells");
        assertEquals(1, cells.size(), "the second cell was under way: " + cells);
        assertEquals("blocking", cells.get(0).get("target").asText());
        String line = "interrupted after 1 of 4 cells (Ctrl-C or SIGTERM); the cell under way is not reported";
        assertTrue(text.toString().contains("[1/4] blocking, 1 connections: ") && !text.toString().contains("[2/4]"), text.toString());
        assertTrue(text.toString().contains("| blocking | 1 |") && text.toString().contains("\n" + line + "\n"), text.toString());
        String report = Files.readString(dir.resolve("report.md"));
        assertTrue(report.contains("- " + line + "\n") && report.contains("| blocking | 1 |") && !report.contains("| blocking | 10 |"), report);
        assertTrue(Files.exists(dir.resolve("throughput.png")), "charts of the finished cells");
    }

    /** This JVM serves the peers, so its pid is the process listening there: given, it is sampled as a mode's server is. */
    @Test
    void aModeThatCannotStartIsAFailedCellAndAPeerHasProcessFiguresOnlyWhenItsPidIsGiven() throws Exception {
        try (EchoServer peer = Servers.start(Mode.VIRTUAL, ServerConfig.ephemeral())) {
            StringWriter text = new StringWriter();
            int code = compare(text, (shout, pinning, children) -> new RoundTripLoad(),
                    "--modes", "pool", "--connections", "2", "--duration", "100ms", "--warmup", "0s",
                    "--server-arg=--threads=0", "--peer", "inproc=127.0.0.1:" + peer.port(),
                    "--peer", "sampled=127.0.0.1:" + peer.port() + ",pid=" + ProcessHandle.current().pid(), "--out", out.toString());
            assertEquals(0, code, text.toString());
            JsonNode sampled = new ObjectMapper().readTree(onlyResultDirectory().resolve("results.json").toFile()).at("/parts/0/cells/2");
            assertEquals("sampled", sampled.get("target").asText(), sampled.toString());
            assertTrue(sampled.get("failure").isNull(), sampled.toString());
            assertTrue(sampled.at("/server/peakResidentMiB").asDouble() > 0, sampled.toString());
            assertTrue(sampled.at("/server/peakThreads").asInt() > 1, sampled.toString());
            assertTrue(sampled.at("/server/cpuMicrosPerMessage").isNumber(), sampled.toString());
            String table = Files.readString(onlyResultDirectory().resolve("report.md"));
            assertTrue(table.contains("| pool | 2 | failed: server exited before listening, exit code 2 (bad usage): error: threads must be positive, not 0 |"), table);
            assertTrue(table.matches("(?s).*\\| inproc \\| 2 \\| [0-9,]+ ~ \\|.*\\| n/a \\| n/a \\| n/a \\|.*"), table);
        }
    }

    @Test
    void sleepWorkReachesEveryServerAndGivesEachCellTheIdealOfConnectionsOverTheDelay() throws Exception {
        StringWriter text = new StringWriter();
        int code = compare(text, (shout, pinning, children) -> new RoundTripLoad(),
                "--modes", "blocking,nio", "--connections", "1,10", "--work", "sleep:20ms", "--duration", "300ms",
                "--warmup", "100ms", "--out", out.toString());
        assertEquals(0, code, text.toString());
        Path dir = onlyResultDirectory();
        JsonNode part = new ObjectMapper().readTree(dir.resolve("results.json").toFile()).at("/parts/0");
        assertEquals("sleep:20ms", part.at("/settings/work").asText());
        for (JsonNode cell : part.get("cells")) {
            assertTrue(cell.get("failure").isNull(), cell.toString());
            assertEquals(cell.get("connections").asInt() / 0.020, cell.get("idealMessagesPerSecond").asDouble(), 1e-6, cell.toString());
            assertTrue(cell.get("serverStartLine").asText().endsWith(" work=sleep:20ms"), cell.toString());
        }
        String report = Files.readString(dir.resolve("report.md"));
        assertTrue(report.contains("| server | connections | msgs/s | ideal msgs/s | % of ideal | MB/s each way |"), report);
        assertTrue(report.matches("(?s).*\\| nio \\| 10 \\| [0-9,]+ ~ \\| 500 \\| [0-9.]+% \\|.*"), report);
        assertNotNull(ImageIO.read(dir.resolve("throughput.png").toFile()));
    }

    @Test
    void aVariantIsItsOwnRowItsArgumentsReachItsServerAndAllItsProcessesAreSampled() throws Exception {
        StringWriter text = new StringWriter();
        int code = compare(text, (shout, pinning, children) -> new RoundTripLoad(),
                "--modes", "virtual", "--variant", "two=virtual:--processes=2", "--connections", "2", "--duration", "100ms",
                "--warmup", "0s", "--out", out.toString());
        assertEquals(0, code, text.toString());
        JsonNode cells = new ObjectMapper().readTree(onlyResultDirectory().resolve("results.json").toFile()).at("/parts/0/cells");
        assertEquals(List.of("virtual", "two"), List.of(cells.get(0).get("target").asText(), cells.get(1).get("target").asText()));
        assertFalse(cells.get(0).get("serverStartLine").asText().contains("processes="), cells.toString());
        assertTrue(cells.get(1).get("failure").isNull(), cells.toString());
        assertTrue(cells.get(1).get("serverStartLine").asText().endsWith(" processes=2"), cells.toString());
        // three JVMs (the launcher and two servers) are sampled as one server
        assertTrue(cells.get(1).at("/server/peakThreads").asInt() > cells.get(0).at("/server/peakThreads").asInt() * 2, cells.toString());
    }

    @Test
    void aScenarioOrPeerItCannotHonourIsOneLineAndExitCode2BeforeAnythingStarts() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        int closedPort = TestServer.closedPort();
        Map<List<String>, String> mistakes = Map.of(
                List.of("--scenario", "echo-grid", "--size", "512"),
                "error: --scenario echo-grid chooses its own message sizes (128, 512, 1000 bytes), connections and work; drop --size",
                List.of("--scenario", "lessons", "--peer", "c=127.0.0.1:9000"),
                "error: --scenario lessons cannot measure a peer: its servers do work per message (sleep, cpu) that a running "
                        + "peer does not; drop --peer",
                List.of("--peer", "c=127.0.0.1:9000,cpu=0"),
                "error: Invalid value for option '--peer' (" + PeerConverter.SYNTAX + "): 'c=127.0.0.1:9000,cpu=0': unknown key "
                        + "'cpu=0' (valid: pid=N, expect=upper|echo)",
                List.of("--scenario", "echo-grid", "--peer", "c=127.0.0.1:" + closedPort + ",pid=" + finished.pid()),
                "error: peer c: pid " + finished.pid() + " is not a live process");
        for (var mistake : mistakes.entrySet()) {
            StringWriter text = new StringWriter();
            List<String> args = new ArrayList<>(mistake.getKey());
            args.addAll(List.of("--out", out.toString()));
            assertEquals(2, compare(text, (shout, pinning, children) -> new RoundTripLoad(), args.toArray(String[]::new)), text.toString());
            assertEquals(mistake.getValue(), text.toString().strip().replace(" (see 'shout compare --help')", "")
                    .replace(" (see 'compare --help')", ""));
        }
        try (Stream<Path> dirs = Files.list(out)) {
            assertEquals(0, dirs.count(), "nothing ran");
        }
    }

    @Test
    void helpNamesEchoGridAndThePeerKeys() {
        StringWriter text = new StringWriter();
        assertEquals(0, compare(text, (shout, pinning, children) -> new RoundTripLoad(), "--help"));
        String help = text.toString().replaceAll("\\s+", " ");
        assertTrue(help.contains("shout compare --scenario echo-grid --peer netty=127.0.0.1:8007,expect=echo"), help);
        assertTrue(help.contains("--peer=" + PeerConverter.SYNTAX), help);
        assertTrue(help.replace(" ", "").contains("lessons,lessons:io,lessons:cpu,lessons:processes,lessons:fanout,lessons:pool-size,"
                + "lessons:idle,lessons:head-of-line,echo-grid"), help);
        assertTrue(help.contains("shout compare --scenario lessons:fanout"), help);
    }

    @Test
    void aBadVariantOrScenarioIsOneLineAndExitCode2() {
        List<List<String>> mistakes = List.of(
                List.of("--variant", "nio-offload"),
                List.of("--variant", "x=nio:--port=1"),
                List.of("--variant", "nio=nio:--offload"),
                List.of("--scenario", "lesson"),
                List.of("--scenario", "lessons:fan"),
                List.of("--scenario", "lessons:idle", "--modes", "nio"));
        List<String> expected = List.of(
                "error: Invalid value for option '--variant' (LABEL=MODE[:ARG,...]): 'nio-offload' is not LABEL=MODE[:ARG,ARG...] (example: nio-offload=nio:--offload) (see 'compare --help')",
                "error: Invalid value for option '--variant' (LABEL=MODE[:ARG,...]): variant 'x=nio:--port=1': --port is set by compare for every row (use compare's own option) (see 'compare --help')",
                "error: two rows would be named 'nio': give the variant or peer another name (see 'shout compare --help')",
                "error: Invalid value for option '--scenario': unknown scenario 'lesson' (valid: lessons, lessons:io, lessons:cpu, "
                        + "lessons:processes, lessons:fanout, lessons:pool-size, lessons:idle, lessons:head-of-line, echo-grid) (see 'compare --help')",
                "error: Invalid value for option '--scenario': unknown lesson 'fan' (valid: io, cpu, processes, fanout, pool-size, "
                        + "idle, head-of-line) (see 'compare --help')",
                "error: --scenario lessons chooses its own rows, connections and work; drop --modes (see 'shout compare --help')");
        assertEachIsOneLineAndExitCode2BeforeAnyCell(mistakes, expected);
    }

    /** Runs compare with each of {@code mistakes} and expects the matching line of {@code expected}, exit code 2, and no cell. */
    private void assertEachIsOneLineAndExitCode2BeforeAnyCell(List<List<String>> mistakes, List<String> expected) {
        for (int i = 0; i < mistakes.size(); i++) {
            StringWriter text = new StringWriter();
            List<String> args = new ArrayList<>(mistakes.get(i));
            args.addAll(List.of("--out", out.toString()));
            assertEquals(2, compare(text, (shout, pinning, children) -> {
                throw new AssertionError("no cell may run");
            }, args.toArray(String[]::new)), text.toString());
            assertEquals(expected.get(i), text.toString().strip());
        }
    }

    @Test
    void aUsageMistakeIsOneLineAndExitCode2() {
        StringWriter text = new StringWriter();
        int code = compare(text, (shout, pinning, children) -> new RoundTripLoad(), "--connections", "10,0", "--out", out.toString());
        assertEquals(2, code);
        assertEquals("error: connections must be positive, not 0 (see 'shout compare --help')", text.toString().strip());
    }

    @Test
    void aRateThatCannotBeHonouredIsOneLineAndExitCode2BeforeAnyCell() {
        String notACount = "error: Invalid value for option '--rate' (MSGS_PER_S): '%s' is not a count (examples: 100, 10k, 2.5k, 1M, 1G) (see 'compare --help')";
        Map<List<String>, String> mistakes = new LinkedHashMap<>();
        mistakes.put(List.of("--rate", "0"), "error: rate must be positive, not 0 (see 'shout compare --help')");
        mistakes.put(List.of("--rate", "10k,-5"), notACount.formatted("-5"));
        mistakes.put(List.of("--rate", "fast"), notACount.formatted("fast"));
        mistakes.put(List.of("--rate", "10k", "--quick"),
                "error: --quick is a closed-loop first look and cannot offer a rate; drop --quick or --rate (see 'shout compare --help')");
        mistakes.put(List.of("--scenario", "lessons", "--rate", "10k"),
                "error: --scenario lessons chooses its own rows, connections and work; drop --rate (see 'shout compare --help')");
        assertEachIsOneLineAndExitCode2BeforeAnyCell(List.copyOf(mistakes.keySet()), List.copyOf(mistakes.values()));
    }

    @Test
    void aMarkThatCannotBeHonouredIsOneLineAndExitCode2BeforeAnyCell() {
        Map<List<String>, String> mistakes = new LinkedHashMap<>();
        mistakes.put(List.of("--mark", "0%"), "error: Invalid value for option '--mark': mark must be a percentage in (0, 100%], "
                + "e.g. 1% or 0.5%, or a fraction below 1, e.g. 0.01, not '0%' (see 'compare --help')");
        mistakes.put(List.of("--mark", "1%", "--pipeline", "4"), "error: mark needs pipeline 1, not 4: with more messages in "
                + "flight the server may read several as one chunk and cost them all by the first one's mark (see 'shout compare --help')");
        mistakes.put(List.of("--scenario", "lessons", "--mark", "1%"),
                "error: --scenario lessons chooses its own rows, connections and work; drop --mark (see 'shout compare --help')");
        assertEachIsOneLineAndExitCode2BeforeAnyCell(List.copyOf(mistakes.keySet()), List.copyOf(mistakes.values()));
    }

    @Test
    void aMarkGoesToEveryCellsLoad() throws Exception {
        StringWriter text = new StringWriter();
        List<MarkShare> marks = new CopyOnWriteArrayList<>();
        int code = compare(text, (shout, pinning, children) -> (cell, host, port) -> {
                    marks.add(cell.shape().mark());
                    return new RoundTripLoad().run(cell, host, port);
                },
                "--modes", "nio", "--connections", "1", "--mark", "2%", "--duration", "100ms", "--warmup", "0s",
                "--jit-warmup", "0s", "--out", out.toString());
        assertEquals(0, code, text.toString());
        assertEquals(List.of(MarkShare.parse("2%")), marks);
    }

    @Test
    void eachOfferedRateIsACellOfEveryServerAndConnectionCountRunAsAnOpenLoop() throws Exception {
        StringWriter text = new StringWriter();
        List<Double> offered = new CopyOnWriteArrayList<>();
        int code = compare(text, (shout, pinning, children) -> (cell, host, port) -> {
                    offered.add(cell.offeredMessagesPerSecond());
                    return new RoundTripLoad().run(cell, host, port);
                },
                "--modes", "nio", "--connections", "1,2", "--rate", "2.5k,40", "--duration", "100ms", "--warmup", "0s",
                "--jit-warmup", "0s", "--out", out.toString());
        assertEquals(0, code, text.toString());
        assertEquals(List.of(2500.0, 40.0, 2500.0, 40.0), offered, "each count at each rate, in the order given");
        assertTrue(text.toString().contains("1 servers x 2 connection counts x 2 offered rates = 4 cells"), text.toString());
        JsonNode cells = new ObjectMapper().readTree(onlyResultDirectory().resolve("results.json").toFile()).at("/parts/0/cells");
        assertEquals(List.of(2500.0, 40.0, 2500.0, 40.0), doubles(offeredOf(cells)));
        assertTrue(text.toString().contains("| server | connections | offered msgs/s | msgs/s |"), text.toString());
    }

    @Test
    void aLatencyTargetThatCannotBeHonouredIsOneLineAndExitCode2BeforeAnyCell() {
        String invalid = "error: Invalid value for option '--slo': %s (see 'compare --help')";
        String usage = "error: %s (see 'shout compare --help')";
        Map<List<String>, String> mistakes = new LinkedHashMap<>();
        mistakes.put(List.of("--slo", "p100=20ms"),
                invalid.formatted("'p100=20ms': the percentile must lie between 0 and 100 (both excluded), not 100"));
        mistakes.put(List.of("--slo", "p99=20"), invalid.formatted("'p99=20': give the latency a unit (us, ms or s), as in p99=20ms"));
        mistakes.put(List.of("--slo", "p99=20ms", "--rate", "10k"),
                usage.formatted("--rate offers fixed rates and --slo searches for one; give one of them"));
        mistakes.put(List.of("--slo", "p99=20ms", "--quick"),
                usage.formatted("--quick is a closed-loop first look and cannot search for a capacity; drop --quick or --slo"));
        mistakes.put(List.of("--slo", "p99=20ms", "--repeat", "3"),
                usage.formatted("--slo measures each step once, every server in the same round; drop --repeat"));
        mistakes.put(List.of("--slo-start", "10k"),
                usage.formatted("--slo-start is where --slo's search starts; give --slo too, or drop --slo-start"));
        mistakes.put(List.of("--scenario", "echo-grid", "--slo", "p99=20ms"), usage.formatted(
                "--scenario echo-grid chooses its own message sizes (128, 512, 1000 bytes), connections and work; drop --slo"));
        assertEachIsOneLineAndExitCode2BeforeAnyCell(List.copyOf(mistakes.keySet()), List.copyOf(mistakes.values()));
    }

    @Test
    void sloAnnouncesItsWorstCaseBeforeAnythingStarts() {
        StringWriter text = new StringWriter();
        assertEquals(0, compare(text, (shout, pinning, children) -> new RoundTripLoad(), "--slo", "p99=20ms", "--modes", "nio,netty",
                "--connections", "1000", "--dry-run", "--out", out.toString()));
        String announcement = text.toString().strip();
        assertTrue(announcement.startsWith("compare --slo p99=20ms: 2 servers x 1 connection counts, each searched from 5,000 "
                + "msgs/s, x2 up (or down) at most 7 times, then bisected to within 5%: at most 11 steps each = at most 22 cells x (1s warm-up "),
                announcement);
        assertTrue(announcement.matches(".* \\+ 3s \\+ .* = at most about [0-9]+ min [0-9]+ s \\(less when the targets are missed sooner\\)"),
                announcement);
    }

    /**
     * A real server and a peer, and a load client that reports what a latency model says (each mode completes at most its capacity,
     * p99 = 1 ms / (1 - rate / capacity)), so that the whole run, from the search to its report, is checked without timing.
     */
    @Test
    void sloFindsEachServersCapacityAndReportsItAsATableJsonAndAChart() throws Exception {
        StringWriter text = new StringWriter();
        Map<String, Double> capacities = Map.of("nio", 41_000.0, "model", 13_000.0);     // a peer nobody serves: the model answers
        int code = compare(text, (shout, pinning, children) -> (cell, host, port) -> modelled(cell, capacities.get(cell.target().name())),
                "--modes", "nio", "--peer", "model=127.0.0.1:9", "--connections", "2", "--slo", "p99=20ms", "--jit-warmup", "0s",
                "--out", out.toString());
        assertEquals(0, code, text.toString());
        Path dir = onlyResultDirectory();
        JsonNode part = new ObjectMapper().readTree(dir.resolve("results.json").toFile()).at("/parts/0");
        JsonNode found = part.at("/capacity/capacities");
        assertEquals(List.of("nio", "model"), List.of(found.get(0).get("target").asText(), found.get(1).get("target").asText()));
        int steps = 0;
        for (JsonNode capacity : found) {
            double truth = capacities.get(capacity.get("target").asText()) * (1 - 1_000 / 20_000.0);
            double rate = capacity.get("messagesPerSecond").asDouble();
            assertEquals("FOUND", capacity.get("verdict").asText(), capacity.toString());
            assertTrue(rate <= truth && rate >= 0.95 * truth, capacity.toString());
            steps += capacity.get("stepsTaken").asInt();
        }
        assertEquals(steps, part.get("cells").size(), "every step is a cell of the table");
        String report = Files.readString(dir.resolve("report.md"));
        assertTrue(report.contains("Capacity at p99=20ms: ") && report.contains("| server | connections | capacity msgs/s | p99 ms at capacity | steps |"),
                report);
        assertTrue(report.contains("![capacity-latency.png](capacity-latency.png)"), report);
        assertNotNull(ImageIO.read(dir.resolve("capacity-latency.png").toFile()));
        assertTrue(text.toString().contains("[1/22] nio, 2 connections, 5,000 msgs/s offered: 5,000 msgs/s, p99 "), text.toString());
        assertTrue(text.toString().contains(": met p99=20ms") && text.toString().contains(": missed p99=20ms"), text.toString());
    }

    /** What the latency model says a cell against a server of {@code capacity} msgs/s measures. */
    private static LoadReport modelled(Cell cell, double capacity) {
        double offered = cell.offeredMessagesPerSecond();
        double achieved = Math.min(offered, capacity);
        double p99 = 1_000 / (1 - Math.min(offered / capacity, 0.999_999));
        return new LoadReport(new LoadReport.Run("127.0.0.1:1", 1, true, 64, 1, null, "2026-12-07T00:00:00Z", false),
                new LoadReport.ConnectionCounts(cell.connections(), cell.connections(), 0),
                new LoadReport.Throughput(1, (long) achieved, achieved, 1, 1, List.of()),
                new LoadReport.Latency(p99 / 4, p99 / 2, p99, p99 * 2, p99 * 3, p99 / 3), Map.of(), new LoadReport.Fairness(1, 1, 1, 0),
                new LoadReport.Client(0.1, "nio", "test", "localhost"), null, null);
    }

    private static JsonNode offeredOf(JsonNode cells) {
        var array = new ObjectMapper().createArrayNode();
        cells.forEach(cell -> array.add(cell.get("offeredMessagesPerSecond")));
        return array;
    }

    @Test
    void anOutDirectoryThatCannotBeWrittenIsReportedBeforeAnyCell() throws Exception {
        Path file = Files.writeString(out.resolve("file"), "");
        for (Path bad : List.of(file, file.resolve("results"))) {
            StringWriter text = new StringWriter();
            int code = compare(text, (shout, pinning, children) -> {
                throw new AssertionError("no cell may run");
            }, "--modes", "nio", "--connections", "1", "--out", bad.toString());
            assertEquals(1, code, text.toString());
            assertEquals("error: cannot write " + bad + ": not a directory: " + file, text.toString().strip());
        }
    }

    @Test
    void quickPresetOverAllModesFitsInAMinute() {
        StringWriter text = new StringWriter();
        assertEquals(0, compare(text, (shout, pinning, children) -> new RoundTripLoad(), "--quick", "--dry-run", "--out", out.toString()));
        String announcement = text.toString().strip();
        assertTrue(announcement.startsWith("compare: " + Mode.values().length + " servers x "
                + QuickPreset.connectionCounts().size() + " connection counts"), announcement);
        assertTrue(announcement.contains(" x (" + Durations.format(QuickPreset.WARMUP) + " warm-up "), announcement);
        assertTrue(announcement.matches(".* = about [1-5]?[0-9] s"), announcement);
    }

    @Test
    void oneLessonAloneSaysItsPartsAndEstimateUpFront() {
        StringWriter text = new StringWriter();
        assertEquals(0, compare(text, (shout, pinning, children) -> new RoundTripLoad(), "--scenario", "lessons:pool-size",
                "--dry-run", "--out", out.toString()));
        String announcement = text.toString().strip();
        assertTrue(announcement.startsWith("compare --scenario lessons:pool-size: 2 parts (pool size: I/O-bound 6 ~"), announcement);
        assertTrue(announcement.contains(", pool size: CPU-bound 6 ~"), announcement);
        assertTrue(announcement.matches(".* = 12 cells .* = about [0-9]+ (min [0-9]+ )?s"), announcement);
    }

    @Test
    void helpNumbersTheExitCodesAsCallReturnsThem() {
        StringWriter text = new StringWriter();
        assertEquals(0, compare(text, (shout, pinning, children) -> new RoundTripLoad(), "--help"));
        String help = text.toString().strip().replaceAll("\\s+", " ");     // picocli wraps the footer
        assertTrue(help.endsWith("Exit codes: 0 " + ExitCode.OK.helpLine()
                + " 1 could not run: no connection, a port in use, an output path not writable "
                + "2 bad usage: an unknown option or a bad value 130 interrupted by Ctrl-C (SIGINT); what finished is kept "
                + "143 terminated by SIGTERM; what finished is kept"), help);
    }

    @Test
    void repeatMeasuresEachCellThatOftenRotatingTheServersAndReportsTheMedianWithItsSpread() throws Exception {
        StringWriter text = new StringWriter();
        List<String> runs = new CopyOnWriteArrayList<>();
        List<Double> throughputs = List.of(300.0, 100.0, 200.0);       // per cell, in the order its repetitions run
        int code = compare(text, (shout, pinning, children) -> (cell, host, port) -> {
                    long before = runs.stream().filter(r -> r.equals(cell.target().name() + "/" + cell.connections())).count();
                    runs.add(cell.target().name() + "/" + cell.connections());
                    return withThroughput(new RoundTripLoad().run(cell, host, port), throughputs.get((int) before));
                },
                "--modes", "blocking,virtual,nio", "--connections", "1,2", "--repeat", "3", "--duration", "100ms",
                "--warmup", "0s", "--jit-warmup", "0s", "--out", out.toString());
        assertEquals(0, code, text.toString());
        assertEquals(List.of(
                "blocking/1", "virtual/1", "nio/1", "blocking/2", "virtual/2", "nio/2",
                "virtual/1", "nio/1", "blocking/1", "virtual/2", "nio/2", "blocking/2",
                "nio/1", "blocking/1", "virtual/1", "nio/2", "blocking/2", "virtual/2"), runs, "rotated by one each repetition");
        assertTrue(text.toString().startsWith("compare: 3 servers x 2 connection counts = 6 cells x 3 runs x "), text.toString());
        assertTrue(text.toString().contains("[1/18] blocking, 1 connections, run 1/3: 300 msgs/s")
                && text.toString().contains("[18/18] virtual, 2 connections, run 3/3: 200 msgs/s"), text.toString());

        Path dir = onlyResultDirectory();
        JsonNode results = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        assertEquals(List.of(6, 6), List.of(results.get("cellsRun").asInt(), results.get("cellsPlanned").asInt()), results.toString());
        assertEquals(3, results.at("/parts/0/settings/repeat").asInt(), results.toString());
        for (JsonNode cell : results.at("/parts/0/cells")) {
            assertEquals(throughputs, doubles(cell.get("repeats")), cell.toString());
            assertEquals(200.0, cell.at("/load/messagesPerSecond").asDouble(), cell.toString());
            assertEquals(10.0, cell.at("/client/busyPercent").asDouble(), 1e-6, cell.toString());
            assertFalse(cell.at("/client/bound").asBoolean(true), cell.toString());
        }
        String report = Files.readString(dir.resolve("report.md"));
        assertTrue(report.contains("| nio | 2 | 200 (100-300) ~ |"), report);   // its stand-in load has no intervals: "too short to tell"
    }

    @Test
    void aServerThatDiesFailsTheCellUnderWayAndItsLaterCellsWithTheReasonAndIsNotRestarted() throws Exception {
        StringWriter text = new StringWriter();
        int code = compare(text, (shout, pinning, children) -> (cell, host, port) -> {
                    LoadReport report = new RoundTripLoad().run(cell, host, port);
                    if (cell.target().name().equals("virtual") && cell.connections() == 2) {
                        killServerOf("virtual");
                    }
                    return report;
                },
                "--modes", "virtual,nio", "--connections", "1,2,3", "--duration", "100ms", "--warmup", "0s",
                "--jit-warmup", "0s", "--out", out.toString());
        assertEquals(0, code, text.toString());
        JsonNode cells = new ObjectMapper().readTree(onlyResultDirectory().resolve("results.json").toFile()).at("/parts/0/cells");
        assertEquals(6, cells.size(), cells.toString());
        assertTrue(cells.get(0).get("failure").isNull(), cells.toString());
        assertEquals("server exited during this cell, exit code 137: ", cells.get(1).get("failure").asText(), cells.toString());
        assertEquals("server exited before this cell, exit code 137: ", cells.get(2).get("failure").asText(), cells.toString());
        for (JsonNode nio : List.of(cells.get(3), cells.get(4), cells.get(5))) {
            assertTrue(nio.get("failure").isNull(), nio.toString());
        }
        assertTrue(text.toString().contains("virtual, 3 connections: failed: server exited before this cell"), text.toString());
    }

    /** Kills the server child running {@code mode} at once and waits until it is gone. */
    private static void killServerOf(String mode) {
        List<ProcessHandle> servers = ProcessHandle.current().children()
                .filter(p -> commandLine(p).contains("\0--mode\0" + mode + "\0")).toList();
        assertEquals(1, servers.size(), "one server per mode");
        servers.getFirst().destroyForcibly();
        servers.getFirst().onExit().join();
    }

    /** The process's arguments, each ended by NUL, as /proc has them (ProcessHandle.Info may leave them out). */
    private static String commandLine(ProcessHandle process) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static LoadReport withThroughput(LoadReport report, double messagesPerSecond) {
        LoadReport.Throughput measured = report.throughput();
        var throughput = new LoadReport.Throughput(measured.measuredSeconds(), measured.messages(), messagesPerSecond,
                measured.megabytesPerSecondOut(), measured.megabytesPerSecondIn(), measured.intervals());
        return new LoadReport(report.run(), report.connections(), throughput, report.latencyMicros(), report.errors(),
                report.fairness(), report.client(), report.settings(), report.latencyHistogramNanos());
    }

    private static List<Double> doubles(JsonNode array) {
        List<Double> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asDouble()));
        return values;
    }

    private static int compare(StringWriter text, LoadRunner.Factory load, String... args) {
        PrintWriter writer = new PrintWriter(text, true);
        return Cli.commandLine(new CompareCommand(ShoutMain.class, ServerMain.class, load)).setOut(writer).setErr(writer).execute(args);
    }

    private Path onlyResultDirectory() throws Exception {
        try (Stream<Path> dirs = Files.list(out)) {
            List<Path> all = dirs.toList();
            assertEquals(1, all.size(), all.toString());
            return all.getFirst();
        }
    }

    private static void assertChartsAreImages(Path dir) throws Exception {
        List<String> charts = new ArrayList<>(List.of("throughput", "p99-latency", "server-memory"));
        for (String chart : charts) {
            assertNotNull(ImageIO.read(dir.resolve(chart + ".png").toFile()), chart + ".png");
            var svg = xmlWithoutFetchingDtds().parse(dir.resolve(chart + ".svg").toFile());
            assertEquals("svg", svg.getDocumentElement().getLocalName());
        }
        assertFalse(charts.isEmpty());
    }

    private static javax.xml.parsers.DocumentBuilder xmlWithoutFetchingDtds() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder();
    }
}
