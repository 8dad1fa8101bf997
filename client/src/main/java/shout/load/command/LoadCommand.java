package shout.load.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import shout.cli.Cli;
import shout.cli.DurationConverter;
import shout.cli.Durations;
import shout.cli.ExitCode;
import shout.cli.ShoutCommand;
import shout.load.IoEngine;
import shout.load.LoadConfig;
import shout.load.LoadException;
import shout.load.LoadObserver;
import shout.load.LoadReport;
import shout.load.engine.LoadGenerator;

/**
 * {@code shout load}: drives any server that speaks the protocol with many connections, checks every
 * reply byte, and prints throughput and latency. Returns the exit code; the run itself is
 * {@link LoadGenerator}'s, the summary {@link ReportPrinter}'s.
 */
@Command(name = "load", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Opens many connections to an upper-casing echo server, sends lowercase messages, checks every byte "
                + "of every reply, and reports throughput, latency and errors.",
        defaultValueProvider = LoadCommand.Defaults.class)
public final class LoadCommand implements ShoutCommand {

    @Spec
    private CommandSpec spec;

    @Option(names = "--host", paramLabel = "HOST",
            description = "Server host name or address (default: ${DEFAULT-VALUE}).")
    private String host;

    @Option(names = "--port", paramLabel = "PORT",
            description = "Server port (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--connections", paramLabel = "N",
            description = "Connections to open (default: ${DEFAULT-VALUE}).")
    private int connections;

    @Option(names = "--threads", paramLabel = "N",
            description = "I/O threads, each with its own poller (default: the CPUs this process may use).")
    private Integer threads;

    @Option(names = "--size", paramLabel = "BYTES",
            description = "Bytes per message (default: ${DEFAULT-VALUE}).")
    private int payloadBytes;

    @Option(names = "--pipeline", paramLabel = "N",
            description = "Messages in flight per connection at most (default: ${DEFAULT-VALUE}).")
    private int pipeline;

    @Option(names = "--duration", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Length of the measured part (default: ${DEFAULT-VALUE}); ignored with --messages.")
    private Duration duration;

    @Option(names = "--messages", paramLabel = "N",
            description = "End after exactly N verified messages in all, warm-up not counted, instead of after --duration.")
    private Long messages;

    @Option(names = "--warmup", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Traffic before the measured part, not counted (default: ${DEFAULT-VALUE}; none with --messages).")
    private Duration warmup;

    @Option(names = "--rate", paramLabel = "MSGS_PER_S",
            description = "Open loop: send this many messages per second in all, on a fixed schedule per connection, "
                    + "and time each from its scheduled send (default: closed loop, send when the reply is in).")
    private double messagesPerSecond;

    @Option(names = "--connect-rate", paramLabel = "CONNS_PER_S",
            description = "Open connections at this pace (default: all at once).")
    private double connectsPerSecond;

    @Option(names = "--connect-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "A connect that takes longer counts as a timeout (default: ${DEFAULT-VALUE}).")
    private Duration connectTimeout;

    @Option(names = "--stall-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "With --messages, give up (exit 1) when no reply came for this long (default: ${DEFAULT-VALUE}).")
    private Duration stallTimeout;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the report to FILE as JSON.")
    private Path jsonFile;

    @Option(names = "--hdr-log", paramLabel = "FILE",
            description = "Also write the measured latencies (ns) to FILE in HdrHistogram's log format, one interval a second.")
    private Path hdrLogFile;

    @Option(names = "--quiet", description = "No live progress line, only the summary.")
    private boolean quiet;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the payload letters (default: random, printed).")
    private Long seed;

    @Option(names = "--io", paramLabel = "ENGINE", completionCandidates = IoEngine.Option.class,
            converter = IoEngine.Option.class,
            description = "I/O engine: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: epoll called directly on Linux "
                    + "with JDK 22+, which costs less per message, else nio, the JDK's selector).")
    private IoEngine io;

    private final boolean terminal;

    /** A command that shows live progress when standard output is a terminal. */
    public LoadCommand() {
        this(ProgressLine.isTerminal());
    }

    /** @param terminal whether to redraw a live progress line (unless {@code --quiet}) */
    LoadCommand(boolean terminal) {
        this.terminal = terminal;
    }

    /**
     * picocli's defaults, written as the command line would spell LoadConfig's: each default has that
     * one source, and the help text shows it.
     */
    static final class Defaults implements IDefaultValueProvider {
        private static final Map<String, String> VALUES = Map.of(
                "--host", LoadConfig.DEFAULT_HOST,
                "--port", String.valueOf(LoadConfig.DEFAULT_PORT),
                "--connections", String.valueOf(LoadConfig.DEFAULT_CONNECTIONS),
                "--size", String.valueOf(LoadConfig.DEFAULT_PAYLOAD_BYTES),
                "--pipeline", String.valueOf(LoadConfig.DEFAULT_PIPELINE),
                "--duration", Durations.format(LoadConfig.DEFAULT_DURATION),
                "--warmup", Durations.format(LoadConfig.DEFAULT_WARMUP),
                "--connect-timeout", Durations.format(LoadConfig.DEFAULT_CONNECT_TIMEOUT),
                "--stall-timeout", Durations.format(LoadConfig.DEFAULT_STALL_TIMEOUT),
                "--io", LoadConfig.DEFAULT_IO.name().toLowerCase(Locale.ROOT));

        @Override
        public String defaultValue(ArgSpec argument) {
            return argument instanceof OptionSpec option ? VALUES.get(option.longestName()) : null;
        }
    }

    @Override
    public ExitCode[] exitCodes() {
        return ExitCode.values();                           // load alone reports wrong bytes
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LoadConfig config;
        try {
            config = config();
        } catch (IllegalArgumentException e) {
            return Cli.fail(err, e.getMessage(), ExitCode.USAGE);
        }
        LoadReport report;
        ProgressLine progress = new ProgressLine(out);
        try (HdrLogFile hdrLog = hdrLogFile == null ? null : HdrLogFile.open(hdrLogFile)) {
            List<LoadObserver> observers = new ArrayList<>();
            if (terminal && !quiet) {
                observers.add(progress);
            }
            if (hdrLog != null) {
                observers.add(hdrLog);
            }
            report = new LoadGenerator(config, LoadObserver.all(observers)).run();
        } catch (LoadException e) {
            return Cli.fail(err, e.getMessage(), ExitCode.CANNOT_RUN);
        } catch (IOException e) {
            return Cli.fail(err, "cannot write " + hdrLogFile + ": " + e.getMessage(), ExitCode.CANNOT_RUN);
        } finally {
            progress.finish();
        }
        new ReportPrinter(out).print(report);
        if (jsonFile != null) {
            try {
                new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(jsonFile.toFile(), report);
            } catch (IOException e) {
                return Cli.fail(err, "cannot write " + jsonFile + ": " + e.getMessage(), ExitCode.CANNOT_RUN);
            }
        }
        return (report.lostOrCorrupted() ? ExitCode.WRONG_BYTES : ExitCode.OK).code();
    }

    private LoadConfig config() {
        LoadConfig.Builder config = LoadConfig.builder().host(host).port(port).connections(connections)
                .payloadBytes(payloadBytes).pipeline(pipeline).duration(duration)
                .messagesPerSecond(messagesPerSecond).connectsPerSecond(connectsPerSecond)
                .connectTimeout(connectTimeout).stallTimeout(stallTimeout).io(io);
        if (threads != null) {
            config.threads(threads);
        }
        if (messages != null) {
            if (messages <= 0) {
                throw new IllegalArgumentException("messages must be positive, not " + messages);
            }
            config.messages(messages);
        }
        if (spec.commandLine().getParseResult().hasMatchedOption("--warmup")) {
            config.warmup(warmup);                          // else the config's default, which depends on --messages
        }
        if (seed != null) {
            config.seed(seed);
        }
        return config.build();
    }
}
