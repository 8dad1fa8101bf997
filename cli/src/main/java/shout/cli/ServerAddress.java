package shout.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParseResult;

/**
 * The server a client command talks to, given one way for every command: {@code HOST:PORT} as its one
 * positional parameter, as wrk and tcpkali take it, or {@code --host} and {@code --port}. A picocli mixin
 * of {@code load} and {@code chat}.
 */
public final class ServerAddress {

    @Parameters(index = "0", arity = "0..1", paramLabel = "HOST:PORT", converter = HostPortConverter.class,
            description = "The server: 127.0.0.1:8081, [::1]:8081 for IPv6 (default: "
                    + HostPort.DEFAULT_HOST + ":" + HostPort.DEFAULT_PORT + "; or use --host and --port).")
    private HostPort target;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = HostPort.DEFAULT_HOST,
            description = "Server host name or address (default: ${DEFAULT-VALUE}).")
    private String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + HostPort.DEFAULT_PORT,
            description = "Server port (default: ${DEFAULT-VALUE}).")
    private int port;

    /** The server asked for on the command line {@code parsed}; throws {@link IllegalArgumentException} with a message fit for a user. */
    public HostPort target(ParseResult parsed) {
        Cli.require(target == null || !(parsed.hasMatchedOption("--host") || parsed.hasMatchedOption("--port")),
                "give the server as HOST:PORT or with --host/--port, not both");
        return target != null ? target : new HostPort(host, port);
    }
}
