package shout.compare;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import shout.cli.ChildJvm;
import shout.cli.Cli;
import shout.cli.Counts;
import shout.cli.DurationConverter;
import shout.cli.ExitCode;
import shout.cli.OutputPaths;
import shout.cli.ShoutCommand;
import shout.cli.StopSignals;
import shout.compare.plan.CellSettings;
import shout.compare.plan.ComparePart;
import shout.compare.plan.ComparePlan;
import shout.compare.plan.CpuPinning;
import shout.compare.plan.PeerConverter;
import shout.compare.plan.Scenario;
import shout.compare.plan.ServerWork;
import shout.compare.plan.Target;
import shout.compare.plan.VariantConverter;
import shout.compare.process.ChildShout;
import shout.compare.process.InProcessLoad;
import shout.compare.process.LiveChildren;
import shout.compare.process.LoadRunner;
import shout.compare.process.PeerProcess;
import shout.compare.report.MarkdownTable;
import shout.compare.report.ResultsWriter;
import shout.compare.result.CompareResult;
import shout.compare.result.MachineInfo;
import shout.load.Connections;
import shout.load.LoadConfig;
import shout.load.MessageShape;
import shout.server.Mode;
import shout.server.ServerConfig;
import shout.server.Work;
import shout.server.options.ServerOptions;

/**
 * {@code shout compare}: starts each server mode (and each {@code --variant}) as its own process, once for all its
 * cells, warms it up, drives it with the load client (in this JVM) at each connection count, and prints a table;
 * results, report and charts go to {@code OUT/<timestamp>/}. {@code --scenario} runs a ready-made set of such comparisons into one report.
 * A cell that fails is a result; the exit code is non-zero only for a usage mistake, unwritable results, or a run
 * stopped by Ctrl-C or SIGTERM (which keeps the cells it finished, marked interrupted).
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measures every server mode side by side: throughput, latency, server memory, threads and CPU.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  # a first look at every mode in under a minute",
            "  shout compare --quick",
            "  # three modes, two connection counts, 10 s a cell, each 3 times: median and spread",
            "  shout compare --modes nio,netty,virtual --connections 100,1000 --duration 10s --repeat 3",
            "  # the same work for every mode: what each spends per message at 10k and 20k msgs/s",
            "  shout compare --modes blocking,virtual,nio,netty --connections 100,1000 --rate 10k,20k",
            "  # I/O-bound work, with a running C server as one more row",
            "  shout compare --work sleep:10ms --peer c-epoll=127.0.0.1:9000 --out /tmp/res",
            "  # the concurrency lessons in one report, about 4 minutes",
            "  shout compare --scenario lessons",
            "  # the published echo benchmarks' grid, with Netty's echo example as a row checked as plain echo",
            "  shout compare --scenario echo-grid --peer netty=127.0.0.1:8007,expect=echo"})
public final class CompareCommand implements ShoutCommand {

    @Spec
    private CommandSpec spec;

    @Option(names = "--modes", split = ",", paramLabel = "MODE", converter = ServerOptions.ModeOption.class,
            description = "Modes to compare, comma separated: ${COMPLETION-CANDIDATES} (default: all).",
            completionCandidates = ServerOptions.ModeOption.class)
    private List<Mode> modes;

    @Option(names = "--connections", split = ",", paramLabel = "N", defaultValue = "1,100,1000,10000",
            converter = Counts.IntConverter.class,
            description = "Connection counts, one cell each, e.g. 1,100,1k,10k (default: ${DEFAULT-VALUE}).")
    private List<Integer> connections;

    @Option(names = "--rate", split = ",", paramLabel = "MSGS_PER_S", converter = Counts.FractionConverter.class,
            description = "Open loop: offer every server this many messages per second in all (e.g. 10k,20k,40k: one cell each), "
                    + "so that each does the same work and the table compares cost and latency at that load; a cell that "
                    + "did not sustain its rate is marked (default: closed loop, as fast as each server answers).")
    private List<Double> rates = new ArrayList<>();

    @Option(names = "--size", paramLabel = "BYTES", defaultValue = "" + LoadConfig.DEFAULT_PAYLOAD_BYTES, converter = Counts.BytesConverter.class,
            description = "Bytes per message; " + Counts.BYTES_SUFFIXES + " (default: ${DEFAULT-VALUE}).")
    private int sizeBytes;

    @Option(names = "--pipeline", paramLabel = "N", defaultValue = "" + LoadConfig.DEFAULT_PIPELINE, converter = Counts.IntConverter.class,
            description = "Messages in flight per connection (default: ${DEFAULT-VALUE}).")
    private int pipeline;

    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "5s", converter = DurationConverter.class,
            description = "Measured time per cell (default: ${DEFAULT-VALUE}).")
    private Duration duration;

    @Option(names = "--warmup", paramLabel = "DURATION", defaultValue = LoadConfig.DEFAULT_WARMUP_TEXT, converter = DurationConverter.class,
            description = "Discarded load before each measurement (default: ${DEFAULT-VALUE}).")
    private Duration warmup;

    @Option(names = "--repeat", paramLabel = "R", defaultValue = "1", converter = Counts.IntConverter.class,
            description = "Measure each cell R times, rotating the servers' order each time; a cell shows the median msgs/s "
                    + "and the spread (default: ${DEFAULT-VALUE}).")
    private int repeat;

    @Option(names = "--jit-warmup", paramLabel = "DURATION", defaultValue = "3s", converter = DurationConverter.class,
            description = "Unmeasured load (100 connections) on each server before its first cell, so that its JIT has "
                    + "compiled the hot paths; 0s for none (default: ${DEFAULT-VALUE}).")
    private Duration jitWarmup;

    @Option(names = "--quick", description = "A first look in under a minute: connections " + QuickPreset.CONNECTIONS
            + ", " + QuickPreset.JIT_WARMUP_MILLIS + " ms JIT warm-up per server, " + QuickPreset.WARMUP_MILLIS
            + " ms warm-up, " + QuickPreset.DURATION_MILLIS + " ms cells (explicit options still win).")
    private boolean quick;

    @Option(names = "--dry-run", description = "Print what would be measured and about how long it takes, then exit without starting anything.")
    private boolean dryRun;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "results", description = "Where results/<timestamp>/ goes (default: ${DEFAULT-VALUE}).")
    private Path outDir;

    @Option(names = "--server-cpus", paramLabel = "CPUS", description = "taskset CPU list for servers (default: 0).")
    private String serverCpus;

    @Option(names = "--client-cpus", paramLabel = "CPUS", description = "taskset CPU list for the load client (default: 1..n-1).")
    private String clientCpus;

    @Option(names = "--work", paramLabel = "WORK", defaultValue = ServerConfig.DEFAULT_WORK_TEXT, converter = ServerOptions.WorkConverter.class,
            description = "Work every server does per received chunk: none, sleep:DURATION or cpu:DURATION; "
                    + "adds the ideal msgs/s to table and chart (default: ${DEFAULT-VALUE}).")
    private Work work;

    @Option(names = "--offload", description = "Every server runs cpu work off its event loops (nio, netty), on a worker pool.")
    private boolean offload;

    @Option(names = "--variant", paramLabel = "LABEL=MODE[:ARG,...]", converter = VariantConverter.class,
            description = "One more row: a mode with its own server arguments, repeatable: 'nio-2proc=nio:--processes=2,--threads=1'.")
    private List<Target.Server> variants = new ArrayList<>();

    @Option(names = "--scenario", paramLabel = "NAME", converter = Scenario.Converter.class,
            completionCandidates = Scenario.Names.class,
            description = "A ready-made grid in one report, one section each: ${COMPLETION-CANDIDATES} "
                    + "(1 s warm-up, 3 s cells; only --size, --pipeline, --warmup, --duration, --repeat, --jit-warmup, --out "
                    + "and the CPU options combine with it). lessons: what work per message does to each mode. echo-grid: "
                    + "128, 512 and 1000-byte messages at 1 to 1000 connections, as published echo benchmarks measure, over "
                    + "blocking, virtual, nio and netty (or --modes) and any --peer; its sizes replace --size.")
    private Scenario scenario;

    @Option(names = "--server-arg", paramLabel = "ARG", description = "Passed to every server, repeatable: --server-arg=--threads=4.")
    private List<String> serverArgs = new ArrayList<>();

    @Option(names = "--peer", paramLabel = PeerConverter.SYNTAX, converter = PeerConverter.class,
            description = "An already-running server to measure as one more row, repeatable. "
                    + "pid=N names its process (it must be the one listening there), so that its memory, threads and CPU "
                    + "are measured as a mode's (without it: n/a); expect=echo checks its replies as a "
                    + "plain echo server's, each byte equal to the byte sent (default: upper, our protocol).")
    private List<Target.Peer> peers = new ArrayList<>();

    private final Class<?> entryPoint;
    private final Class<?> serverEntryPoint;
    private final LoadRunner.Factory loadRunners;
    private final boolean handleSignals;

    /**
     * The command as {@code shout compare} runs it: the load client in this JVM ({@link InProcessLoad}), warm after
     * the first cell.
     *
     * @param entryPoint       the jar's main class, which a load client child runs ({@code shout load ...})
     * @param serverEntryPoint the main class of {@code shout server} alone, which every server child runs
     * @param handleSignals    whether Ctrl-C and SIGTERM stop a run, keeping its finished cells: true only for the
     *                         process entry, never in-process tests
     */
    public CompareCommand(Class<?> entryPoint, Class<?> serverEntryPoint, boolean handleSignals) {
        this(entryPoint, serverEntryPoint, InProcessLoad.factory(), handleSignals);
    }

    /** With another load runner and no signal handling: tests use one that does not need the real client. */
    public CompareCommand(Class<?> entryPoint, Class<?> serverEntryPoint, LoadRunner.Factory loadRunners) {
        this(entryPoint, serverEntryPoint, loadRunners, false);
    }

    private CompareCommand(Class<?> entryPoint, Class<?> serverEntryPoint, LoadRunner.Factory loadRunners, boolean handleSignals) {
        this.entryPoint = entryPoint;
        this.serverEntryPoint = serverEntryPoint;
        this.loadRunners = loadRunners;
        this.handleSignals = handleSignals;
    }

    @Override
    public ExitCode[] exitCodes() {
        return new ExitCode[] {ExitCode.OK, ExitCode.CANNOT_RUN, ExitCode.USAGE, ExitCode.INTERRUPTED, ExitCode.TERMINATED};
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        applyPresets();
        String mistake = usageMistake();
        if (mistake != null) {
            return Cli.fail(err, mistake + " (see 'shout compare --help')", ExitCode.USAGE);
        }
        Optional<String> unwritable = OutputPaths.directoryProblem(outDir);
        if (unwritable.isPresent()) {       // before the cells, which take minutes
            return Cli.fail(err, OutputPaths.describe(outDir, unwritable.get()), ExitCode.CANNOT_RUN);
        }
        MachineInfo machine = MachineInfo.current();
        List<ComparePart> parts = parts(machine.cores());
        out.println(ComparePart.announcement(scenario == null ? "" : "--scenario " + scenario.cliName(), parts));
        if (dryRun) {
            out.flush();
            return ExitCode.OK.code();
        }
        try {
            return runAndSave(machine, parts, out).code();
        } catch (IOException e) {
            return Cli.fail(err, "cannot write the results under " + outDir + ": " + e.getMessage(), ExitCode.CANNOT_RUN);
        }
    }

    /**
     * Runs the cells, saving results.json after each, then prints the tables and writes report and charts;
     * returns OK, or the code of what stopped the run early (130, 143 on SIGTERM).
     */
    private ExitCode runAndSave(MachineInfo machine, List<ComparePart> parts, PrintWriter out) throws IOException, InterruptedException {
        ResultsWriter writer = ResultsWriter.create(outDir, machine.date());
        String commandLine = commandLine();
        long startNanos = System.nanoTime();
        Function<CompareRun.Outcome, CompareResult> asResult = outcome -> new CompareResult(commandLine, machine,
                scenario == null ? null : scenario.cliName(), (System.nanoTime() - startNanos) / 1e9,
                outcome.cellsPlanned(), outcome.cellsRun(), outcome.interrupted(), outcome.parts());
        // Until the report is written: a second signal then (the first often ends a cell within a second) still exits 130 or 143.
        try (LiveChildren children = new LiveChildren();
             StopSignals signals = handleSignals ? StopSignals.install(children::interrupt, code -> stopNow(children, code)) : null) {
            CompareResult result = asResult.apply(new CompareRun(new ChildShout(ChildJvm.current(), entryPoint, serverEntryPoint), loadRunners,
                    machine.cores(), out).run(parts, children, soFar -> writer.writeResults(asResult.apply(soFar))));
            out.print(MarkdownTable.renderResult(result));
            Path report = writer.writeAll(result);
            out.println();
            out.println("report: " + report);
            out.flush();
            if (!result.interrupted()) {
                return ExitCode.OK;
            }
            return signals == null ? ExitCode.INTERRUPTED : signals.received().orElse(ExitCode.INTERRUPTED);
        }
    }

    /** The second Ctrl-C or SIGTERM: no more waiting for anyone; results.json holds every finished cell already. */
    private static void stopNow(LiveChildren children, ExitCode code) {
        children.killAll();
        System.exit(code.code());
    }

    /** --quick and --scenario shorten the cells; options given explicitly still win. */
    private void applyPresets() {
        var parsed = spec.commandLine().getParseResult();
        if (quick && !parsed.hasMatchedOption("--connections")) {
            connections = QuickPreset.connectionCounts();
        }
        if ((quick || scenario != null) && !parsed.hasMatchedOption("--warmup")) {
            warmup = scenario != null ? Scenario.WARMUP : QuickPreset.WARMUP;
        }
        if ((quick || scenario != null) && !parsed.hasMatchedOption("--duration")) {
            duration = scenario != null ? Scenario.DURATION : QuickPreset.DURATION;
        }
        if (quick && scenario == null && !parsed.hasMatchedOption("--jit-warmup")) {
            jitWarmup = QuickPreset.JIT_WARMUP;
        }
    }

    private String usageMistake() {
        try {                                       // the load's rules and words, checked where the values are built
            connections.forEach(Connections::requireCount);
            rates.forEach(ComparePlan::requireRate);
            cellSettings();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        if (serverArgs.stream().anyMatch(arg -> arg.startsWith("--work"))) {
            return "give the work with --work, not --server-arg, so that the ideal line knows it";
        }
        if (quick && !rates.isEmpty() && scenario == null) {
            return "--quick is a closed-loop first look and cannot offer a rate; drop --quick or --rate";
        }
        String cpus = CpuPinning.listMistake(serverCpus, clientCpus);
        String refusal = cpus != null || scenario == null ? cpus : scenario.refusal(spec.commandLine().getParseResult()::hasMatchedOption);
        return refusal != null ? refusal : Optional.ofNullable(ComparePlan.duplicateName(targets())).orElseGet(this::peerProcessMistake);
    }

    /** The first {@code pid=} that is not a live process listening on its peer's port, in one line; else null. */
    private String peerProcessMistake() {
        return peers.stream().filter(peer -> peer.pid().isPresent())
                .map(peer -> Optional.ofNullable(PeerProcess.problem(peer.pid().getAsLong(), peer.port()))
                        .map(problem -> "peer " + peer.name() + ": " + problem).orElse(null))
                .filter(Objects::nonNull).findFirst().orElse(null);
    }

    private List<Target> targets() {
        List<Target> targets = new ArrayList<>();
        (modes == null ? Arrays.asList(Mode.values()) : modes).stream().distinct().map(Target.Server::new).forEach(targets::add);
        targets.addAll(variants);
        targets.addAll(peers);
        return targets;
    }

    private List<ComparePart> parts(int machineCores) {
        CpuPinning pinning = CpuPinning.forThisMachine(serverCpus, clientCpus);
        if (scenario != null) {
            return scenario.parts(cellSettings(), pinning, machineCores, modes, peers);
        }
        var plan = new ComparePlan(targets(), connections.stream().distinct().toList(), rates.stream().distinct().toList(),
                cellSettings());
        return List.of(new ComparePart(null, List.of(), plan, new ServerWork(work, offload), serverArgs, pinning));
    }

    /** How every cell is measured; throws {@link IllegalArgumentException} with a message fit for a user. */
    private CellSettings cellSettings() {
        return new CellSettings(new MessageShape(sizeBytes, pipeline), warmup, duration, repeat, jitWarmup);
    }

    private String commandLine() {
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        if (!args.isEmpty() && args.getFirst().equals(spec.name())) {
            args = args.subList(1, args.size()); // run as a subcommand of shout: the args start with its name
        }
        return CompareResult.commandLine(args);
    }
}
