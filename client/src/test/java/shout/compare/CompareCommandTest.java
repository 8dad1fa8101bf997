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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import shout.app.ShoutMain;
import shout.cli.Cli;
import shout.compare.plan.Cell;
import shout.compare.plan.ComparePart;
import shout.compare.plan.ComparePlan;
import shout.compare.plan.CpuPinning;
import shout.compare.plan.ServerWork;
import shout.compare.plan.Target;
import shout.compare.process.CellFailure;
import shout.compare.process.ChildShout;
import shout.compare.process.LoadRunner;
import shout.load.LoadReport;
import shout.server.EchoServer;
import shout.server.Mode;
import shout.server.ServerConfig;
import shout.server.Work;
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
            assertEquals(0, cell.at("/load/errors").size(), cell.toString());
            assertTrue(cell.at("/server/peakResidentMiB").asDouble() > 0, cell.toString());
            assertTrue(cell.at("/server/peakThreads").asInt() > 1, cell.toString());
            assertTrue(cell.get("note").isNull(), cell.toString());
            assertTrue(cell.get("serverSummary").asText().startsWith("stopped: connections accepted="), cell.toString());
            assertTrue(cell.get("idealMessagesPerSecond").isNull(), cell.toString());
        }
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
                "--modes", "blocking,virtual", "--connections", "1,10", "--duration", "100ms", "--warmup", "0s", "--out", out.toString());
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

    @Test
    void aModeThatCannotStartIsAFailedCellAndAPeerIsMeasuredWithoutProcessFigures() throws Exception {
        try (EchoServer peer = Servers.start(Mode.VIRTUAL, ServerConfig.ephemeral())) {
            StringWriter text = new StringWriter();
            int code = compare(text, (shout, pinning, children) -> new RoundTripLoad(),
                    "--modes", "pool", "--connections", "2", "--duration", "100ms", "--warmup", "0s",
                    "--server-arg=--threads=0", "--peer", "inproc=127.0.0.1:" + peer.port(), "--out", out.toString());
            assertEquals(0, code, text.toString());
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
    void aBadVariantOrScenarioIsOneLineAndExitCode2() {
        List<List<String>> mistakes = List.of(
                List.of("--variant", "nio-offload"),
                List.of("--variant", "x=nio:--port=1"),
                List.of("--variant", "nio=nio:--offload"),
                List.of("--scenario", "lesson"),
                List.of("--scenario", "lessons", "--modes", "nio"));
        List<String> expected = List.of(
                "error: Invalid value for option '--variant' (LABEL=MODE[:ARG,...]): 'nio-offload' is not LABEL=MODE[:ARG,ARG...] (example: nio-offload=nio:--offload) (see 'compare --help')",
                "error: Invalid value for option '--variant' (LABEL=MODE[:ARG,...]): variant 'x=nio:--port=1': --port is set by compare for every row (use compare's own option) (see 'compare --help')",
                "error: two rows would be named 'nio': give the variant or peer another name (see 'shout compare --help')",
                "error: Invalid value for option '--scenario': unknown scenario 'lesson' (valid: lessons) (see 'compare --help')",
                "error: --scenario lessons chooses its own rows, connections and work; drop --modes (see 'shout compare --help')");
        for (int i = 0; i < mistakes.size(); i++) {
            StringWriter text = new StringWriter();
            List<String> args = new ArrayList<>(mistakes.get(i));
            args.addAll(List.of("--out", out.toString()));
            assertEquals(2, compare(text, (shout, pinning, children) -> new RoundTripLoad(), args.toArray(String[]::new)), text.toString());
            assertEquals(expected.get(i), text.toString().strip());
        }
    }

    @Test
    void aUsageMistakeIsOneLineAndExitCode2() {
        StringWriter text = new StringWriter();
        int code = compare(text, (shout, pinning, children) -> new RoundTripLoad(), "--connections", "10,0", "--out", out.toString());
        assertEquals(2, code);
        assertEquals("error: connections must be positive, not [10, 0] (see 'shout compare --help')", text.toString().strip());
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
        List<Integer> counts = Arrays.stream(CompareCommand.QUICK_CONNECTIONS.split(",")).map(Integer::valueOf).toList();
        List<Target> modes = Arrays.stream(Mode.values()).<Target>map(Target.Server::new).toList();
        var plan = new ComparePlan(modes, counts, 64, 1, CompareCommand.QUICK_WARMUP, CompareCommand.QUICK_DURATION);
        var part = new ComparePart(null, List.of(), plan, new ServerWork(Work.NONE, false), List.of(), CpuPinning.forThisMachine(null, null));
        String announcement = ComparePart.announcement("", List.of(part));
        assertTrue(announcement.matches(".* = about [1-5]?[0-9] s"), announcement);
    }

    @Test
    void helpNumbersTheExitCodesAsCallReturnsThem() {
        StringWriter text = new StringWriter();
        assertEquals(0, compare(text, (shout, pinning, children) -> new RoundTripLoad(), "--help"));
        String help = text.toString().strip().replaceAll("\\s+", " ");     // picocli wraps the footer
        assertTrue(help.endsWith("Exit codes: 0 done 1 could not run: no connection, a port in use, an output path not writable "
                + "2 bad usage: an unknown option or a bad value 130 interrupted: Ctrl-C or SIGTERM; what finished is kept"), help);
    }

    private static int compare(StringWriter text, LoadRunner.Factory load, String... args) {
        PrintWriter writer = new PrintWriter(text, true);
        return Cli.commandLine(new CompareCommand(ShoutMain.class, load)).setOut(writer).setErr(writer).execute(args);
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
