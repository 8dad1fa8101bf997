package shout.cli;

import picocli.CommandLine.ITypeConverter;

/** Reads {@code HOST:PORT} or {@code [IPV6]:PORT} (see {@link HostPort#parse}); a malformed one is an error that shows the form. */
public final class HostPortConverter implements ITypeConverter<HostPort> {
    @Override
    public HostPort convert(String value) {
        return Cli.userValue(() -> HostPort.parse(value));
    }
}
