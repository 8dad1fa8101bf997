package shout.load.command;

import java.net.InetAddress;
import java.net.UnknownHostException;
import picocli.CommandLine.ITypeConverter;
import shout.cli.Cli;

/**
 * Reads one {@code --source} address: an IP literal, or a name resolved now, so a typo fails before the
 * run rather than as a failed bind on every connection. Whether the address is this machine's is
 * left to the bind, which the report counts.
 */
final class SourceConverter implements ITypeConverter<InetAddress> {

    @Override
    public InetAddress convert(String value) {
        return Cli.userValue(() -> parse(value));
    }

    static InetAddress parse(String value) {
        Cli.require(!value.isBlank(), "a source address must not be empty");     // the JDK would read "" as loopback
        try {
            return InetAddress.getByName(value.strip());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + value + "' is neither an IP address nor a name that resolves", e);
        }
    }
}
