package shout.compare.plan;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import shout.cli.Cli;
import shout.cli.HostPort;

/** Reads {@code --peer NAME=HOST:PORT}; the address as {@link HostPort} reads it (IPv6 in brackets: {@code six=[::1]:8081}). */
public final class PeerConverter implements ITypeConverter<Target.Peer> {

    @Override
    public Target.Peer convert(String value) {
        int equals = value.indexOf('=');
        String name = value.substring(0, Math.max(equals, 0)).strip();
        if (!name.matches("\\S+")) {
            throw new TypeConversionException("'" + value + "' is not NAME=HOST:PORT (example: python=127.0.0.1:8081)");
        }
        HostPort address = Cli.userValue(() -> HostPort.parse(value.substring(equals + 1)));
        if (address.port() == 0) {
            throw new TypeConversionException("'" + value + "': port 0 means any port to a listener; a running peer has a real one");
        }
        return new Target.Peer(name, address.host(), address.port());
    }
}
