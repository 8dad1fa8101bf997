package shout.compare;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import shout.cli.ChildJvm;
import shout.cli.Cli;
import shout.cli.Counts;
import shout.cli.ExitCode;
import shout.cli.OutputPaths;
import shout.cli.ShoutCommand;
import shout.compare.plan.CapacityPlan;
import shout.compare.plan.ComparePart;
import shout.compare.plan.ComparePlan;
import shout.compare.plan.CpuPinning;
import shout.compare.plan.Scenario;
import shout.compare.plan.ScenarioChoice;
import shout.compare.plan.SearchRules;
import shout.compare.plan.ServerWork;
import shout.compare.process.ChildShout;
import shout.compare.process.InProcessLoad;
import shout.compare.process.LoadRunner;
import shout.compare.report.ResultsWriter;
import shout.compare.result.CompareResult;
import shout.compare.result.MachineInfo;
import shout.load.Connections;
import shout.server.ServerConfig;
import shout.server.Work;
import shout.server.options.ServerOptions;

/**
 * {@code shout compare}: starts each server mode (and each {@code --variant}) as its own process, once for all its
 * cells, warms it up, drives it with the load client (in this JVM) at each connection count, and prints a table;
 * results, report and charts go to {@code OUT/<timestamp>/}. {@code --scenario} runs a ready-made set of such comparisons into one report;
 * {@code --slo} searches each server's capacity at a latency target instead ({@link CapacityRun}). The options come in
 * groups ({@link RowOptions}, {@link ScheduleOptions}, {@link CellOptions}); {@link CompareSession} runs and saves.
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
            "  # how many msgs/s each mode carries at 1,000 connections with p99 within 20 ms",
            "  shout compare --modes blocking,virtual,nio,netty --connections 1000 --slo p99=20ms",
            "  # I/O-bound work, with a running C server as one more row",
            "  shout compare --work sleep:10ms --peer c-epoll=127.0.0.1:9000 --out /tmp/res",
            "  # the concurrency lessons in one report, about ten minutes (each says its estimate first)",
            "  shout compare --scenario lessons",
            "  # one lesson alone: three waits a message, in sequence and fanned out",
            "  shout compare --scenario lessons:fanout",
            "  # the published echo benchmarks' grid, with Netty's echo example as a row checked as plain echo",
            "  shout compare --scenario echo-grid --peer netty=127.0.0.1:8007,expect=echo"})
public final class CompareCommand implements ShoutCommand {

    @Spec
    private CommandSpec spec;

    @Mixin
    private RowOptions rows = new RowOptions();

    @Option(names = "--connections", split = ",", paramLabel = "N", defaultValue = "1,100,1000,10000",
            converter = Counts.IntConverter.class,
            description = "Connection counts, one cell each, e.g. 1,100,1k,10k (default: ${DEFAULT-VALUE}).")
    private List<Integer> connections;

    @Mixin
    private ScheduleOptions schedule = new ScheduleOptions();

    @Mixin
    private CellOptions cells = new CellOptions();

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

    @Option(names = "--scenario", paramLabel = "NAME", converter = ScenarioChoice.Converter.class,
            completionCandidates = ScenarioChoice.Names.class,
            description = "A ready-made grid in one report, one section each: ${COMPLETION-CANDIDATES} "
                    + "(1 s warm-up, 3 s cells; only --size, --pipeline, --warmup, --duration, --repeat, --jit-warmup, --out "
                    + "and the CPU options combine with it). lessons: what work per message does to each mode, every lesson "
                    + "in turn, each part's estimate said first; lessons:NAME runs one alone (fanout: several waits a message, "
                    + "in sequence or fanned out; pool-size: a pool's throughput against its threads; idle: a few active "
                    + "connections among many idle ones; head-of-line: cheap messages behind expensive ones, with and "
                    + "without --offload). "
                    + "echo-grid: 128, 512 and 1000-byte messages at 1 to 1000 connections, as published echo benchmarks "
                    + "measure, over blocking, virtual, nio and netty (or --modes) and any --peer; its sizes replace --size.")
    private ScenarioChoice scenario;

    @Option(names = "--server-arg", paramLabel = "ARG", description = "Passed to every server, repeatable: --server-arg=--threads=4.")
    private List<String> serverArgs = new ArrayList<>();

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
        CapacityPlan search = schedule.slo() == null ? null : new CapacityPlan(parts.getFirst().plan(), schedule.slo(), schedule.rules());
        out.println(search != null ? search.announcement()
                : ComparePart.announcement(scenario == null ? "" : "--scenario " + scenario.cliName(), parts));
        if (dryRun) {
            out.flush();
            return ExitCode.OK.code();
        }
        try {
            var session = new CompareSession(ResultsWriter.create(outDir, machine.date()), commandLine(), machine,
                    scenario == null ? null : scenario.cliName(), handleSignals);
            ChildShout shout = new ChildShout(ChildJvm.current(), entryPoint, serverEntryPoint);
            return session.run((children, afterEachCell) -> search == null
                    ? new CompareRun(shout, loadRunners, machine.cores(), out).run(parts, children, afterEachCell)
                    : new CapacityRun(shout, loadRunners, machine.cores(), out).run(parts.getFirst(), search, children, afterEachCell),
                    out).code();
        } catch (IOException e) {
            return Cli.fail(err, "cannot write the results under " + outDir + ": " + e.getMessage(), ExitCode.CANNOT_RUN);
        }
    }

    /** --quick, --scenario and --slo shorten the cells; options given explicitly still win. */
    private void applyPresets() {
        var parsed = spec.commandLine().getParseResult();
        if (quick && !parsed.hasMatchedOption("--connections")) {
            connections = QuickPreset.connectionCounts();
        }
        if (scenario != null) {
            cells.preset(parsed, Scenario.WARMUP, Scenario.DURATION, null);
        } else if (quick) {
            cells.preset(parsed, QuickPreset.WARMUP, QuickPreset.DURATION, QuickPreset.JIT_WARMUP);
        } else if (schedule.slo() != null) {
            cells.preset(parsed, SearchRules.STEP_WARMUP, SearchRules.STEP_DURATION, null);
        }
    }

    private String usageMistake() {
        try {                                       // the load's rules and words, checked where the values are built
            connections.forEach(Connections::requireCount);
            schedule.requireValid();
            cells.settings();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        if (serverArgs.stream().anyMatch(arg -> arg.startsWith("--work"))) {
            return "give the work with --work, not --server-arg, so that the ideal line knows it";
        }
        String pacing = scenario == null ? schedule.mistake(quick, cells.repeat()) : null;
        if (pacing != null) {
            return pacing;
        }
        String cpus = CpuPinning.listMistake(serverCpus, clientCpus);
        String refusal = cpus != null || scenario == null ? cpus : scenario.refusal(spec.commandLine().getParseResult()::hasMatchedOption);
        return refusal != null ? refusal : rows.mistake();
    }

    private List<ComparePart> parts(int machineCores) {
        CpuPinning pinning = CpuPinning.forThisMachine(serverCpus, clientCpus);
        if (scenario != null) {
            return scenario.parts(cells.settings(), pinning, machineCores, rows.modes(), rows.peers());
        }
        var plan = new ComparePlan(rows.targets(), connections.stream().distinct().toList(), schedule.rates(), cells.settings());
        return List.of(new ComparePart(null, List.of(), plan, new ServerWork(work, offload), serverArgs, pinning));
    }

    private String commandLine() {
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        if (!args.isEmpty() && args.getFirst().equals(spec.name())) {
            args = args.subList(1, args.size()); // run as a subcommand of shout: the args start with its name
        }
        return CompareResult.commandLine(args);
    }
}
