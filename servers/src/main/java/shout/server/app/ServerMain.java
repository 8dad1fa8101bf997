package shout.server.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;
import shout.cli.Cli;
import shout.cli.Counts;
import shout.cli.DurationConverter;
import shout.cli.ExitCode;
import shout.cli.HostPort;
import shout.cli.LogFormat;
import shout.cli.ShoutCommand;
import shout.cli.StartLine;
import shout.cli.StopLine;
import shout.cli.StopSignals;
import shout.server.EchoServer;
import shout.server.Mode;
import shout.server.ServerConfig;
import shout.server.Transport;
import shout.server.Work;
import shout.server.metrics.MetricLabels;
import shout.server.metrics.MetricsEndpoint;
import shout.server.metrics.StatsLog;
import shout.server.options.ServerOptions;

/**
 * {@code shout server}: starts one mode, prints one start line, serves until SIGTERM or Ctrl-C, then
 * stops gracefully and prints the counters. A second signal stops at once.
 */
@Command(name = "server", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs an upper-casing echo server (bytes a..z come back A..Z, all else unchanged).",
        footerHeading = "%nExamples:%n",
        footer = {
            "  # the selector server on 127.0.0.1:8081",
            "  shout server --mode nio",
            "  # virtual threads on a free port, printed on the first line",
            "  shout server --mode virtual --port 0",
            "  # Netty on every interface, up to 20,000 connections",
            "  shout server --mode netty --bind 0.0.0.0 --max-connections 20k",
            "  # 1 ms of CPU a message, on a worker pool instead of the event loop",
            "  shout server --mode nio --work cpu:1ms --offload"})
public final class ServerMain implements ShoutCommand {

    @Spec
    private CommandSpec spec;

    @Option(names = "--mode", paramLabel = "MODE", completionCandidates = ServerOptions.ModeOption.class,
            description = "How connections are served: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
            defaultValue = "netty", converter = ServerOptions.ModeOption.class)
    private Mode mode;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + ServerConfig.DEFAULT_PORT,
            description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = ServerConfig.DEFAULT_HOST,
            description = "Address to listen on (default: ${DEFAULT-VALUE}); anything but loopback is exposed to the network.")
    private String bind;

    @Option(names = "--threads", paramLabel = "N", converter = Counts.IntConverter.class,
            description = "Event loops (nio, netty) or pool threads (pool) (default: the CPUs this process may use).")
    private Integer threads;

    @Option(names = "--max-connections", paramLabel = "N", defaultValue = "" + ServerConfig.DEFAULT_MAX_CONNECTIONS,
            converter = Counts.IntConverter.class,
            description = "Connections open at once, e.g. 20k; one more is closed at once (default: ${DEFAULT-VALUE}).")
    private int maxConnections;

    @Option(names = "--idle-timeout", paramLabel = "DURATION", defaultValue = ServerConfig.DEFAULT_IDLE_TIMEOUT_TEXT, converter = DurationConverter.class,
            description = "Close a connection with no traffic for this long (default: ${DEFAULT-VALUE}).")
    private Duration idleTimeout;

    @Option(names = "--grace", paramLabel = "DURATION", defaultValue = ServerConfig.DEFAULT_GRACE_TEXT, converter = DurationConverter.class,
            description = "On SIGTERM, keep delivering owed bytes for up to this long (default: ${DEFAULT-VALUE}).")
    private Duration grace;

    @Option(names = "--work", paramLabel = "WORK", defaultValue = ServerConfig.DEFAULT_WORK_TEXT, converter = ServerOptions.WorkConverter.class,
            description = "Server-side work per received chunk: " + Work.SYNTAX + ". sleep waits, cpu burns a core; seq waits one"
                    + " after the other, fanout all at once; marked:X/Y costs X for a chunk that starts with the marker byte 0x01"
                    + " and Y (default none) for any other (default: ${DEFAULT-VALUE}).")
    private Work work;

    @Option(names = "--offload",
            description = "Event-loop modes run cpu work on a worker pool instead of on the loop.")
    private boolean offload;

    @Option(names = "--transport", paramLabel = "TRANSPORT", defaultValue = ServerConfig.DEFAULT_TRANSPORT_TEXT, completionCandidates = ServerOptions.TransportOption.class,
            converter = ServerOptions.TransportOption.class,
            description = "Netty only: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: the best native one that loads, else nio).")
    private Transport transport;

    @Option(names = "--backlog", paramLabel = "N", defaultValue = "" + ServerConfig.DEFAULT_BACKLOG, converter = Counts.IntConverter.class,
            description = "Listen backlog (default: ${DEFAULT-VALUE}; the kernel may cap it).")
    private int backlog;

    @Option(names = "--buffer", paramLabel = "BYTES", defaultValue = "" + ServerConfig.DEFAULT_BUFFER_BYTES, converter = Counts.BytesConverter.class,
            description = "Per-connection buffer, the most unsent data one connection holds; " + Counts.BYTES_SUFFIXES
                    + " (default: ${DEFAULT-VALUE}).")
    private int bufferBytes;

    @Option(names = "--processes", paramLabel = "K", defaultValue = "1", converter = Counts.IntConverter.class,
            description = "Run K server processes sharing the port (SO_REUSEPORT); the cap is split between them (default: ${DEFAULT-VALUE}).")
    private int processes;

    @Option(names = "--metrics-port", paramLabel = "PORT",
            description = "Serve Prometheus metrics at /metrics on this port of the --bind address; 0 picks a free one; process i of --processes K uses PORT+i (default: off).")
    private Integer metricsPort;

    @Option(names = "--stats-interval", paramLabel = "DURATION", defaultValue = "0", converter = DurationConverter.class,
            description = "Log the counters on one line every DURATION (default: ${DEFAULT-VALUE}, off).")
    private Duration statsInterval;

    @Option(names = "--list-modes", description = "Print the modes, one a line, and exit: what scripts read instead of keeping a list.")
    private boolean listModes;

    @Option(names = "--reuse-port", hidden = true, description = "Bind with SO_REUSEPORT (set for the processes of a group).")
    private boolean reusePort;

    @Option(names = "--process-index", hidden = true, defaultValue = "0", description = "This process's index in its group (set for the processes of a group).")
    private int processIndex;

    private final boolean handleSignals;
    private final CountDownLatch stopRequested = new CountDownLatch(1);

    /** @param handleSignals whether SIGTERM and SIGINT stop this server (true in a real process, false in tests) */
    public ServerMain(boolean handleSignals) {
        this.handleSignals = handleSignals;
    }

    /** The entry point of each process of a {@code --processes} group (ProcessGroup starts this class); exits with the code. */
    public static void main(String[] args) {
        LogFormat.oneLinePerEvent();
        System.exit(Cli.commandLine(new ServerMain(true)).execute(args));
    }

    /** Runs the command in this process with both streams on {@code out}; returns when the thread is interrupted. For tests. */
    static int run(PrintWriter out, String... args) {
        return Cli.commandLine(new ServerMain(false)).setOut(out).setErr(out).execute(args);
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (listModes) {
            new ServerOptions.ModeOption().forEach(out::println);     // the list --help shows
            out.flush();
            return ExitCode.OK.code();
        }
        ServerConfig config;
        try {
            InetAddress address = InetAddress.getByName(bind);
            Cli.require(Exposure.isThisMachines(address), "bind address '" + bind + "' is not an address of this machine");
            ServerConfig.Builder settings = ServerConfig.builder()
                    .host(address.getHostAddress()).port(port).backlog(backlog)
                    .maxConnections(maxConnections).idleTimeout(idleTimeout).grace(grace).bufferBytes(bufferBytes)
                    .work(work).offload(offload).transport(transport).reusePort(reusePort);
            if (threads != null) {
                settings.threads(threads);
            }
            config = settings.build();
            Cli.require(metricsPort == null || metricsPort >= 0 && metricsPort + Math.max(processes, 1) - 1 <= 65_535,
                    "metrics-port must be 0..65535, and PORT+K-1 too with --processes K, not " + metricsPort);
            Cli.require(statsInterval.isZero() || statsInterval.toMillis() >= 1, "stats-interval must be 0 (off) or at least 1ms");
        } catch (UnknownHostException e) {
            return Cli.fail(err, "unknown bind address '" + bind + "'", ExitCode.USAGE);
        } catch (IllegalArgumentException e) {
            return Cli.fail(err, e.getMessage(), ExitCode.USAGE);
        }
        if (processes < 1) {
            return Cli.fail(err, "processes must be positive, not " + processes, ExitCode.USAGE);
        }
        return processes > 1 ? serveAsGroup(config, out) : serve(config, out, err);
    }

    /** Runs one server, with its metrics endpoint and stats line if asked, until a stop is requested. */
    private int serve(ServerConfig config, PrintWriter out, PrintWriter err) throws IOException {
        EchoServer server;
        try {
            server = Servers.start(mode, config);
        } catch (BindException e) {
            return cannotListen(err, "listen", new HostPort(config.listen().host(), config.listen().port()), e);
        }
        MetricLabels labels = new MetricLabels(mode.cliName(), processIndex);
        try (server;
             MetricsEndpoint metrics = metricsPort == null ? null
                     : MetricsEndpoint.start(server.stats(), labels, config.listen().host(), metricsPort);
             StatsLog statsLog = StatsLog.start(server.stats(), labels, statsInterval)) {
            if (handleSignals) {
                // Before the start line: whoever reads it may send SIGTERM at once, and the JVM's default would exit 143.
                StopSignals.install(stopRequested::countDown, signalled -> server.close());
            }
            out.println(startLine(config, server, metrics));
            out.flush();
            Exposure.warning(InetAddress.getByName(config.listen().host())).ifPresent(warning -> {
                err.println(warning);
                err.flush();
            });
            awaitStop(server, config.grace());
            out.println(new StopLine(server.stats().snapshot().toString()));
            out.flush();
        } catch (BindException e) {
            // The echo server is bound already, so only the metrics port can be refused here.
            return cannotListen(err, "serve metrics", new HostPort(config.listen().host(), metricsPort), e);
        }
        return ExitCode.OK.code();
    }

    /** {@code listening on HOST:PORT mode=... [work=...] [metrics=URL]}. */
    private StartLine startLine(ServerConfig config, EchoServer server, MetricsEndpoint metrics) {
        StartLine line = new StartLine(new HostPort(config.listen().host(), server.port()), server.description()
                + (config.work() instanceof Work.None ? "" : " work=" + config.work() + (offload ? " offload" : "")));
        return metrics == null ? line : line.with(MetricsEndpoint.START_LINE_KEY, metrics.url());
    }

    /**
     * One line for a port that cannot be bound, exit 1. The address was checked to be this machine's before, so a
     * BindException (whatever its wording, which netty's native transports pass through) says the port is taken.
     */
    private static int cannotListen(PrintWriter err, String what, HostPort address, BindException e) {
        return Cli.fail(err, "cannot " + what + " on " + address + ": " + e.getMessage(), ExitCode.CANNOT_RUN);
    }

    private void awaitStop(EchoServer server, Duration grace) {
        awaitStopRequest();
        try {
            server.shutdown(grace);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int serveAsGroup(ServerConfig config, PrintWriter out) throws IOException {
        try (ProcessGroup group = ProcessGroup.start(processes, config.listen().port(), this::childArgs, out)) {
            group.onAnyExit(stopRequested);
            if (handleSignals) {
                StopSignals.install(stopRequested::countDown, signalled -> group.close());
            }
            awaitStopRequest();
            try {
                return (group.stop(config.grace().toSeconds() + 10) ? ExitCode.OK : ExitCode.CANNOT_RUN).code();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ExitCode.CANNOT_RUN.code();
            }
        }
    }

    /**
     * The command line of process {@code index} of a group: this one's own arguments, the port to join,
     * its share of the cap, its index and its own metrics port (PORT+index, or 0 again).
     */
    private List<String> childArgs(int index, int childPort) {
        SequencedMap<String, String> own = new LinkedHashMap<>();
        own.put("--processes", "1");
        own.put("--port", "" + childPort);
        own.put("--max-connections", "" + Math.max(1, (maxConnections + processes - 1) / processes));
        own.put("--process-index", "" + index);
        if (metricsPort != null) {
            own.put("--metrics-port", "" + (metricsPort == 0 ? 0 : metricsPort + index));
        }
        return GroupChildArgs.of(spec.commandLine().getParseResult().expandedArgs(), own);
    }

    private void awaitStopRequest() {
        try {
            stopRequested.await();
        } catch (InterruptedException e) {
            // An in-process caller (a test) asks us to stop: carry on with the graceful stop.
        }
    }

}
