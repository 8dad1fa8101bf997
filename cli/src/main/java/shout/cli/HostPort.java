package shout.cli;

import java.util.Objects;

/**
 * A TCP endpoint as people and tools write it: {@code 127.0.0.1:8081}, {@code [::1]:8081} (an IPv6
 * literal in brackets, so its colons do not read as the port's). Formatted and parsed only here.
 *
 * @param host a host name or an address, without brackets
 * @param port 0..65535
 */
public record HostPort(String host, int port) {

    /** Where a server listens and a client connects unless told otherwise: loopback, so nothing is exposed by default. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** The classic socket template's port, the protocol's default for servers and clients alike. */
    public static final int DEFAULT_PORT = 8081;

    public HostPort {
        Objects.requireNonNull(host, "host");
        if (host.isEmpty() || port < 0 || port > 65_535) {
            throw new IllegalArgumentException("'" + host + "' port " + port + " is not a host and a port of 0..65535");
        }
    }

    /** Reads {@code HOST:PORT} or {@code [IPV6]:PORT}; throws {@link IllegalArgumentException} with a message fit for a user. */
    public static HostPort parse(String text) {
        String trimmed = text.trim();
        int colon = trimmed.lastIndexOf(':');
        String host = colon < 0 ? "" : trimmed.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            host = "";                                  // an IPv6 literal without brackets: its port is ambiguous
        }
        String port = colon < 0 ? "" : trimmed.substring(colon + 1);
        if (host.isEmpty() || !port.matches("\\d{1,5}") || Integer.parseInt(port) > 65_535) {
            throw new IllegalArgumentException("'" + text + "' is not HOST:PORT (examples: 127.0.0.1:8081, [::1]:8081)");
        }
        return new HostPort(host, Integer.parseInt(port));
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
