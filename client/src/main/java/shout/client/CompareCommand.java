package shout.client;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import shout.server.CliNames;
import shout.server.Mode;

/**
 * {@code shout compare}: starts each server mode as its own process, drives it with the load client at each
 * connection count, and prints a table; results, report and charts go to {@code OUT/<timestamp>/}.
 * A cell that fails is a result; the exit code is non-zero only for a usage mistake or unwritable results.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measures every server mode side by side: throughput, latency, server memory, threads and CPU.",
        footer = {"", "Exit codes: 0 done (failed cells are results), 1 results could not be written, 2 bad usage."})
final class CompareCommand implements Callable<Integer> {

    static final String QUICK_CONNECTIONS = "1,100,1000";
    /** 6 modes x 3 counts x (250ms + 750ms + 2s overhead) = 54 s. */
    static final Duration QUICK_WARMUP = Duration.ofMillis(250);
    static final Duration QUICK_DURATION = Duration.ofMillis(750);

    @Spec
    private CommandSpec spec;

    @Option(names = "--modes", split = ",", paramLabel = "MODE", converter = CliNames.ModeConverter.class,
            description = "Modes to compare, comma separated: ${COMPLETION-CANDIDATES} (default: all).",
            completionCandidates = CliNames.Modes.class)
    private List<Mode> modes;

    @Option(names = "--connections", split = ",", paramLabel = "N", defaultValue = "1,100,1000,10000",
            description = "Connection counts, one cell each (default: ${DEFAULT-VALUE}).")
    private List<Integer> connections;

    @Option(names = "--size", paramLabel = "BYTES", defaultValue = "64", description = "Bytes per message (default: ${DEFAULT-VALUE}).")
    private int sizeBytes;

    @Option(names = "--pipeline", paramLabel = "N", defaultValue = "1", description = "Messages in flight per connection (default: ${DEFAULT-VALUE}).")
    private int pipeline;

    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "5s", converter = CliNames.DurationConverter.class,
            description = "Measured time per cell (default: ${DEFAULT-VALUE}).")
    private Duration duration;

    @Option(names = "--warmup", paramLabel = "DURATION", defaultValue = "2s", converter = CliNames.DurationConverter.class,
            description = "Discarded load before each measurement (default: ${DEFAULT-VALUE}).")
    private Duration warmup;

    @Option(names = "--quick", description = "A first look in under a minute: connections " + QUICK_CONNECTIONS
            + ", 250ms warm-up, 750ms cells (explicit options still win).")
    private boolean quick;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "results", description = "Where results/<timestamp>/ goes (default: ${DEFAULT-VALUE}).")
    private Path outDir;

    @Option(names = "--server-cpus", paramLabel = "CPUS", description = "taskset CPU list for servers (default: 0).")
    private String serverCpus;

    @Option(names = "--client-cpus", paramLabel = "CPUS", description = "taskset CPU list for the load client (default: 1..n-1).")
    private String clientCpus;

    @Option(names = "--server-arg", paramLabel = "ARG", description = "Passed to every server, repeatable: --server-arg=--work=sleep:10ms.")
    private List<String> serverArgs = new ArrayList<>();

    @Option(names = "--peer", paramLabel = "NAME=HOST:PORT", converter = PeerConverter.class,
            description = "An already-running server to measure as one more row, repeatable (its memory, threads, CPU: n/a).")
    private List<Target.Peer> peers = new ArrayList<>();

    private final LoadRunner.Factory loadRunners;

    /** The command as {@code shout compare} runs it: the load client as a child process. */
    CompareCommand() {
        this(LoadProcess::new);
    }

    /** With another load runner: tests use one that does not need the real client. */
    CompareCommand(LoadRunner.Factory loadRunners) {
        this.loadRunners = loadRunners;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        applyQuickPreset();
        String mistake = usageMistake();
        if (mistake != null) {
            return CliNames.fail(err, mistake + " (see 'shout compare --help')", 2);
        }
        ComparePlan plan = plan();
        CpuPinning pinning = CpuPinning.forThisMachine(serverCpus, clientCpus);
        MachineInfo machine = MachineInfo.current();
        out.println(plan.announcement());
        out.println("pinning: " + pinning.description());
        out.flush();
        long startNanos = System.nanoTime();
        List<CellResult> cells = runAll(plan, pinning, out);
        double wallSeconds = (System.nanoTime() - startNanos) / 1e9;
        String table = MarkdownTable.render(cells);
        out.println();
        out.print(table);
        try {
            Path report = ResultsWriter.write(outDir, result(machine, pinning, wallSeconds, cells), table);
            out.println();
            out.println("report: " + report);
            out.flush();
            return 0;
        } catch (IOException e) {
            return CliNames.fail(err, "cannot write the results under " + outDir + ": " + e.getMessage(), 1);
        }
    }

    private List<CellResult> runAll(ComparePlan plan, CpuPinning pinning, PrintWriter out) throws InterruptedException {
        JavaLauncher java = JavaLauncher.current();
        List<Cell> cells = plan.cells();
        List<CellResult> results = new ArrayList<>();
        try (LiveChildren children = new LiveChildren()) {
            CellRunner runner = new CellRunner(java, pinning, serverArgs, loadRunners.create(java, pinning, children),
                    children, ProcStat.clockTicksPerSecond());
            for (Cell cell : cells) {
                CellResult result = runner.run(cell);
                results.add(result);
                out.println(CompareProgress.line(results.size(), cells.size(), result));
                out.flush();
            }
        }
        return results;
    }

    private void applyQuickPreset() {
        if (!quick) {
            return;
        }
        var parsed = spec.commandLine().getParseResult();
        if (!parsed.hasMatchedOption("--connections")) {
            connections = Arrays.stream(QUICK_CONNECTIONS.split(",")).map(Integer::valueOf).toList();
        }
        if (!parsed.hasMatchedOption("--warmup")) {
            warmup = QUICK_WARMUP;
        }
        if (!parsed.hasMatchedOption("--duration")) {
            duration = QUICK_DURATION;
        }
    }

    private String usageMistake() {
        if (connections.stream().anyMatch(n -> n < 1)) {
            return "connections must be positive, not " + connections;
        }
        if (sizeBytes < 1 || pipeline < 1) {
            return "size and pipeline must be positive";
        }
        if (duration.isZero() || duration.isNegative() || warmup.isNegative()) {
            return "duration must be positive and warmup not negative";
        }
        return null;
    }

    private ComparePlan plan() {
        List<Target> targets = new ArrayList<>();
        (modes == null ? Arrays.asList(Mode.values()) : modes).stream().distinct().map(Target.Server::new).forEach(targets::add);
        targets.addAll(peers);
        return new ComparePlan(targets, connections.stream().distinct().toList(), sizeBytes, pipeline, warmup, duration);
    }

    private CompareResult result(MachineInfo machine, CpuPinning pinning, double wallSeconds, List<CellResult> cells) {
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        if (!args.isEmpty() && args.getFirst().equals(spec.name())) {
            args = args.subList(1, args.size()); // run as a subcommand of shout: the args start with its name
        }
        String commandLine = "shout compare " + String.join(" ", args.stream().map(CompareCommand::shellQuoted).toList());
        var settings = new CompareResult.Settings(sizeBytes, pipeline, warmup.toNanos() / 1e9, duration.toNanos() / 1e9, List.copyOf(serverArgs));
        return new CompareResult(commandLine.strip(), machine, pinning.description(), settings, wallSeconds, cells);
    }

    private static String shellQuoted(String arg) {
        return arg.matches("[\\w@%+=:,./-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }
}
