package shout.load.command;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import shout.cli.Cli;
import shout.cli.Counts;
import shout.cli.DurationConverter;
import shout.cli.HostPort;
import shout.cli.ServerAddress;
import shout.load.Expectation;
import shout.load.IoEngine;
import shout.load.LoadConfig;
import shout.load.MarkShare;

/**
 * The options of {@code shout load} that shape the run, with the short names wrk2 uses ({@code -c -t -d -R})
 * and counts in SI ({@code -R 50k}); {@link #config} turns them into a {@link LoadConfig}. A picocli mixin
 * of {@link LoadCommand}, whose defaults provider fills in LoadConfig's defaults.
 */
final class LoadOptions {

    @Mixin
    private ServerAddress server;

    @Option(names = {"-c", "--connections"}, paramLabel = "N", converter = Counts.IntConverter.class,
            description = "Connections to open, e.g. 100 or 10k (default: ${DEFAULT-VALUE}).")
    private int connections;

    @Option(names = "--idle", paramLabel = "N", converter = Counts.IntConverter.class,
            description = "Also hold N idle connections open for the whole run, e.g. 9900: opened before the others, never "
                    + "sent on, closed at the end, and counted in the summary and JSON (idleConnections, idleConnectionsHeld), "
                    + "so that the server's memory and threads show what idle connections cost it (default: ${DEFAULT-VALUE}).")
    private int idle;

    @Option(names = {"-t", "--threads"}, paramLabel = "N", converter = Counts.IntConverter.class,
            description = "I/O threads, each with its own poller (default: the CPUs this process may use).")
    private Integer threads;

    @Option(names = "--size", paramLabel = "BYTES", converter = Counts.BytesConverter.class,
            description = "Bytes per message; " + Counts.BYTES_SUFFIXES + " (default: ${DEFAULT-VALUE}).")
    private int payloadBytes;

    @Option(names = "--expect", paramLabel = "REPLY", completionCandidates = Expectation.Option.class,
            converter = Expectation.Option.class,
            description = "What every reply byte must be: ${COMPLETION-CANDIDATES}: upper is the sent byte upper-cased "
                    + "(shout's servers), echo the sent byte itself (any plain echo server) (default: ${DEFAULT-VALUE}).")
    private Expectation expect;

    @Option(names = "--pipeline", paramLabel = "N", converter = Counts.IntConverter.class,
            description = "Messages in flight per connection at most (default: ${DEFAULT-VALUE}).")
    private int pipeline;

    @Option(names = "--mark", paramLabel = "SHARE", converter = MarkShare.Converter.class,
            description = "Start this share of the messages with the marker byte 0x01, e.g. 1%% (one in a hundred, spread "
                    + "evenly over each connection's messages), so that a server with --work marked:... makes them the "
                    + "expensive ones; the summary and --json then give their latencies apart from the others'. "
                    + "Needs --pipeline 1 (default: none marked).")
    private MarkShare mark;

    @Option(names = {"-d", "--duration"}, paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Length of the measured part (default: ${DEFAULT-VALUE}); ignored with --messages.")
    private Duration duration;

    @Option(names = "--interval", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Length of each throughput interval in the --json report (its intervals) and of each --hdr-log "
                    + "histogram, from 10ms up to --duration (default: ${DEFAULT-VALUE}); shorter intervals show a run "
                    + "settling, or not, within a short --duration.")
    private Duration interval;

    @Option(names = "--messages", paramLabel = "N", converter = Counts.LongConverter.class,
            description = "End after exactly N verified messages in all (e.g. 1M), warm-up not counted, instead of after --duration.")
    private Long messages;

    @Option(names = "--warmup", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Traffic before the measured part, not counted (default: ${DEFAULT-VALUE}; none with --messages).")
    private Duration warmup;

    @Option(names = {"-R", "--rate"}, paramLabel = "MSGS_PER_S", converter = Counts.FractionConverter.class,
            description = "Open loop: send this many messages per second in all (e.g. 50k), on a fixed schedule per "
                    + "connection, and time each from its scheduled send (default: closed loop, send when the reply is in).")
    private double messagesPerSecond;

    @Option(names = "--connect-rate", paramLabel = "CONNS_PER_S", converter = Counts.FractionConverter.class,
            description = "Open connections at this pace, e.g. 1k (default: all at once).")
    private double connectsPerSecond;

    @Option(names = "--connect-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "A connect that takes longer counts as a timeout (default: ${DEFAULT-VALUE}).")
    private Duration connectTimeout;

    @Option(names = "--stall-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "With --messages, give up (exit 1) when no reply came for this long (default: ${DEFAULT-VALUE}).")
    private Duration stallTimeout;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Per reply, as wrk's --timeout: a connection whose oldest owed reply is later than this is closed "
                    + "and counted as reply-timeout, its owed bytes as lost (default: ${DEFAULT-VALUE}: wait as long as TCP does).")
    private Duration replyTimeout;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the payload letters (default: random, printed).")
    private Long seed;

    @Option(names = "--io", paramLabel = "ENGINE", completionCandidates = IoEngine.Option.class,
            converter = IoEngine.Option.class,
            description = "I/O engine: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: epoll called directly on Linux "
                    + "with JDK 22+, which costs less per message, else nio, the JDK's selector).")
    private IoEngine io;

    @Option(names = "--tag", paramLabel = "NAME",
            description = "Names this run among runs from several machines that are merged later, e.g. --tag east-1: "
                    + "it goes into the --json report, onto every --hdr-log interval (Tag=east-1,) and into the summary. "
                    + "One word: no commas, no whitespace.")
    private String tag;

    @Option(names = "--start-at", paramLabel = "TIME", converter = StartAtConverter.class,
            description = "Connect first, then send nothing until TIME, then warm up and measure as usual, so clients on "
                    + "several machines with the same --warmup measure the same wall-clock window (keep their clocks in "
                    + "sync). TIME is an ISO-8601 instant with Z or an offset, e.g. 2026-11-30T20:15:00Z, or a time of day, "
                    + "e.g. 20:15:00, today in this machine's zone.")
    private Instant startAt;

    @Option(names = "--source", paramLabel = "ADDR", split = ",", converter = SourceConverter.class,
            description = "Bind the connections to these local addresses in turn, e.g. --source 127.0.0.2,127.0.0.3: "
                    + "each address gives about 28,000 ports toward the server, so more addresses hold more connections. "
                    + "The same family as the server's (IPv4 or IPv6).")
    private List<InetAddress> sources;

    /** The run these options ask for; throws {@link IllegalArgumentException} with a message fit for a user. */
    LoadConfig config(ParseResult parsed) {
        HostPort target = server.target(parsed);
        LoadConfig.Builder config = LoadConfig.builder().host(target.host()).port(target.port()).connections(connections).idle(idle)
                .payloadBytes(payloadBytes).pipeline(pipeline).mark(mark == null ? MarkShare.NONE : mark).expect(expect).duration(duration)
                .messagesPerSecond(messagesPerSecond).connectsPerSecond(connectsPerSecond)
                .connectTimeout(connectTimeout).stallTimeout(stallTimeout).replyTimeout(replyTimeout).io(io).tag(tag).startAt(startAt)
                .sources(sources == null ? List.of() : sources);
        if (threads != null) {
            config.threads(threads);
        }
        if (messages != null) {
            Cli.require(messages > 0, "messages must be positive, not " + messages);
            config.messages(messages);
        }
        if (parsed.hasMatchedOption("--interval")) {
            config.interval(interval);                      // else the default, which a short run may not fill
        }
        if (parsed.hasMatchedOption("--warmup")) {
            config.warmup(warmup);                          // else the config's default, which depends on --messages
        }
        if (seed != null) {
            config.seed(seed);
        }
        LoadConfig built = config.build();
        requireSameFamily(built);
        return built;
    }

    /** A socket of one family cannot bind to an address of the other: say so now, not once per connection. */
    private static void requireSameFamily(LoadConfig config) {
        if (config.connections().sources().isEmpty()) {
            return;
        }
        InetAddress server;
        try {
            server = InetAddress.getByName(config.target().host());
        } catch (UnknownHostException e) {
            return;                                         // the run fails on it with its own error
        }
        for (InetAddress source : config.connections().sources()) {
            Cli.require(source.getClass() == server.getClass(), "source " + source.getHostAddress() + " is " + family(source)
                    + " but the server " + config.target() + " is " + family(server));
        }
    }

    private static String family(InetAddress address) {
        return address instanceof Inet4Address ? "IPv4" : "IPv6";
    }
}
