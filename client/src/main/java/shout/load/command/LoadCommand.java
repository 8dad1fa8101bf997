package shout.load.command;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;
import shout.cli.Cli;
import shout.cli.Durations;
import shout.cli.ExitCode;
import shout.cli.ShoutCommand;
import shout.cli.Terminal;
import shout.load.Expectation;
import shout.load.LoadConfig;
import shout.load.LoadException;
import shout.load.LoadObserver;
import shout.load.LoadReport;
import shout.load.Timeouts;
import shout.load.engine.LoadGenerator;

/**
 * {@code shout load}: drives any server that speaks the protocol with many connections, checks every
 * reply byte, and prints throughput and latency. Returns the exit code; the options are
 * {@link LoadOptions}', the outputs {@link LoadOutputs}', the run {@link LoadGenerator}'s and the
 * summary {@link ReportPrinter}'s. Ctrl-C or SIGTERM ends a run early with the summary of what was
 * measured so far, and exit code 130 or 143 (128 + the signal), when the process entry asked for signal handling.
 */
@Command(name = "load", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Opens many connections to an upper-casing echo server (or, with --expect echo, any echo server), "
                + "sends lowercase messages, checks every byte of every reply, and reports throughput, latency and errors.",
        defaultValueProvider = LoadCommand.Defaults.class,
        footerHeading = "%nExamples:%n",
        footer = {
            "  # closed loop: 1,000 connections, 30 s measured after a 2 s warm-up",
            "  shout load 127.0.0.1:8081 -c 1k -d 30s",
            "  # any plain echo server (Netty's echo example, RFC 862): every reply byte checked against the byte sent",
            "  shout load 127.0.0.1:8007 -c 100 --size 512 --expect echo",
            "  # open loop at 20,000 msgs/s in all, latency from each scheduled send",
            "  shout load 127.0.0.1:8081 -c 100 -d 5s -R 20k",
            "  # 100 busy connections beside 9,900 idle ones: what the idle ones cost the server",
            "  shout load 127.0.0.1:8081 -c 100 --idle 9900",
            "  # head-of-line blocking: one message in a hundred marked, for a server run with --work marked:cpu:20ms",
            "  shout load 127.0.0.1:8081 -c 1k -R 2k --mark 1%%",
            "  # exactly a million verified messages, the report as JSON",
            "  shout load 127.0.0.1:8081 --messages 1M --json run.json",
            "  # JSON on stdout for a pipe, the summary on stderr",
            "  shout load 127.0.0.1:8081 --json - | jq .latencyMicros.p99",
            "  # a CI gate: exit 4 when p99 is above 5 ms or any error occurs",
            "  shout load 127.0.0.1:8081 -R 10k --fail-p99 5ms --fail-errors 0",
            "  # one of several clients: two source addresses, measuring from 20:15:00 UTC, its log lines tagged",
            "  shout load 10.0.0.5:8081 -c 40k --source 10.0.1.1,10.0.1.2 --start-at 2026-11-30T20:15:00Z --tag east-1 --hdr-log east.hlog"})
public final class LoadCommand implements ShoutCommand {

    @Spec
    private CommandSpec spec;

    @Mixin
    private LoadOptions options;

    @Mixin
    private LoadOutputs outputs;

    @Mixin
    private Thresholds thresholds;

    private final boolean terminal;
    private final StopRequests stopRequests;

    /**
     * A command whose progress redraws in place when standard error is a terminal.
     *
     * @param handleSignals whether SIGINT and SIGTERM end a run early with its summary while it lasts
     *                      (true in a real process, false in tests: signal handlers belong to the whole JVM)
     */
    public LoadCommand(boolean handleSignals) {
        this(Terminal.stderr(), handleSignals ? StopRequests.SIGNALS : StopRequests.NONE);
    }

    /**
     * @param terminal     whether standard error is a terminal: progress then redraws in place
     * @param stopRequests where a request to end the run early comes from
     */
    LoadCommand(boolean terminal, StopRequests stopRequests) {
        this.terminal = terminal;
        this.stopRequests = stopRequests;
    }

    /**
     * picocli's defaults, written as the command line would spell LoadConfig's: each default has that
     * one source, and the help text shows it.
     */
    static final class Defaults implements IDefaultValueProvider {
        private static final Map<String, String> VALUES = Map.ofEntries(
                Map.entry("--connections", String.valueOf(LoadConfig.DEFAULT_CONNECTIONS)),
                Map.entry("--idle", String.valueOf(LoadConfig.DEFAULT_IDLE_CONNECTIONS)),
                Map.entry("--size", String.valueOf(LoadConfig.DEFAULT_PAYLOAD_BYTES)),
                Map.entry("--pipeline", String.valueOf(LoadConfig.DEFAULT_PIPELINE)),
                Map.entry("--duration", Durations.format(LoadConfig.DEFAULT_DURATION)),
                Map.entry("--interval", Durations.format(LoadConfig.DEFAULT_INTERVAL)),
                Map.entry("--warmup", Durations.format(LoadConfig.DEFAULT_WARMUP)),
                Map.entry("--connect-timeout", Durations.format(LoadConfig.DEFAULT_CONNECT_TIMEOUT)),
                Map.entry("--stall-timeout", Durations.format(LoadConfig.DEFAULT_STALL_TIMEOUT)),
                Map.entry("--timeout", Durations.format(Timeouts.NO_REPLY_TIMEOUT)),
                Map.entry("--io", LoadConfig.DEFAULT_IO.name().toLowerCase(Locale.ROOT)),
                Map.entry("--expect", Expectation.DEFAULT.cliName()));

        @Override
        public String defaultValue(ArgSpec argument) {
            return argument instanceof OptionSpec option ? VALUES.get(option.longestName()) : null;
        }
    }

    @Override
    public ExitCode[] exitCodes() {
        return ExitCode.values();                           // load alone reports wrong bytes and thresholds
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LoadConfig config;
        try {
            config = options.config(spec.commandLine().getParseResult());
            thresholds.validate();
        } catch (IllegalArgumentException e) {
            return Cli.fail(err, e.getMessage(), ExitCode.USAGE);
        }
        Optional<String> unwritable = outputs.problem();
        if (unwritable.isPresent()) {
            return Cli.fail(err, unwritable.get(), ExitCode.CANNOT_RUN);
        }
        LoadReport report;
        ExitCode stoppedBy;
        Optional<ProgressLine> progress = outputs.progress(err, terminal, config.schedule().startAt());
        try (HdrLogFile hdrLog = outputs.hdrLog() == null ? null : HdrLogFile.open(outputs.hdrLog(), config.tag())) {
            List<LoadObserver> observers = new ArrayList<>(progress.stream().toList());
            observers.add(lateStartWarning(config, err, progress));
            if (hdrLog != null) {
                observers.add(hdrLog);
            }
            LoadGenerator generator = new LoadGenerator(config, LoadObserver.all(observers));
            StopRequests.Handle stops = stopRequests.whileRunning(generator::stop);
            try {
                report = generator.run();
            } finally {
                stops.close();
            }
            stoppedBy = stops.stoppedBy();
        } catch (LoadException e) {
            return Cli.fail(err, e.getMessage(), ExitCode.CANNOT_RUN);
        } catch (IOException e) {
            return Cli.fail(err, "cannot write " + outputs.hdrLog() + ": " + e.getMessage(), ExitCode.CANNOT_RUN);
        } finally {
            progress.ifPresent(ProgressLine::finish);
        }
        new ReportPrinter(outputs.summary(out, err)).print(report);
        try {
            outputs.writeJson(report, out);
        } catch (IOException e) {
            return Cli.fail(err, e.getMessage(), ExitCode.CANNOT_RUN);
        }
        return exitCode(report, stoppedBy, err).code();
    }

    /** Says on standard error, even with {@code --quiet}, that the run started after its {@code --start-at}. */
    private static LoadObserver lateStartWarning(LoadConfig config, PrintWriter err, Optional<ProgressLine> progress) {
        return new LoadObserver() {
            @Override
            public void startedLate(Duration late) {
                progress.ifPresent(ProgressLine::finish);       // a line redrawn in place would run into the warning
                err.printf(Locale.ROOT, "warning: the connections were not all up by --start-at %s: this run starts %.2f s late%n",
                        config.schedule().startAt(), late.toNanos() / 1e9);
                err.flush();
            }
        };
    }

    /**
     * An interrupted run (130, or 143 on SIGTERM) has no verdict: its thresholds are not judged. Otherwise
     * a crossed threshold is said on its own line; wrong bytes (3) win over it (4).
     */
    private ExitCode exitCode(LoadReport report, ExitCode stoppedBy, PrintWriter err) {
        if (report.run().interrupted()) {
            return stoppedBy;
        }
        Optional<String> crossed = thresholds.crossed(report);
        crossed.ifPresent(line -> {
            err.println(line);
            err.flush();
        });
        if (report.lostOrCorrupted()) {
            return ExitCode.WRONG_BYTES;
        }
        return crossed.isPresent() ? ExitCode.THRESHOLD : ExitCode.OK;
    }
}
