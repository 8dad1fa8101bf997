package shout.compare.plan;

import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import shout.cli.Cli;
import shout.cli.HostPort;
import shout.load.Expectation;

/**
 * Reads {@code --peer NAME=HOST:PORT[,pid=N][,expect=upper|echo]}: the address as {@link HostPort} reads it (IPv6 in
 * brackets: {@code six=[::1]:8081}), then optional keys, each at most once. Whether {@code pid} is alive and listens
 * there is the command's to check, against /proc, once every option is read.
 */
public final class PeerConverter implements ITypeConverter<Target.Peer> {

    /** The syntax, for help and errors. */
    public static final String SYNTAX = "NAME=HOST:PORT[,pid=N][,expect=upper|echo]";

    @Override
    public Target.Peer convert(String value) {
        int equals = value.indexOf('=');
        String name = value.substring(0, Math.max(equals, 0)).strip();
        if (!name.matches("\\S+")) {
            throw new TypeConversionException("'" + value + "' is not " + SYNTAX + " (example: python=127.0.0.1:8081)");
        }
        String[] fields = value.substring(equals + 1).split(",", -1);
        HostPort address = Cli.userValue(() -> HostPort.parse(fields[0]));
        if (address.port() == 0) {
            throw new TypeConversionException("'" + value + "': port 0 means any port to a listener; a running peer has a real one");
        }
        OptionalLong pid = OptionalLong.empty();
        Expectation expect = Expectation.DEFAULT;
        Set<String> seen = new HashSet<>();
        for (int i = 1; i < fields.length; i++) {
            int at = fields[i].indexOf('=');
            String key = at < 0 ? fields[i] : fields[i].substring(0, at);
            String keyValue = fields[i].substring(at + 1);
            if (!seen.add(key)) {
                throw new TypeConversionException("'" + value + "': " + key + "= given twice");
            }
            switch (at < 0 ? "" : key) {
                case "pid" -> pid = OptionalLong.of(pid(value, keyValue));
                case "expect" -> expect = expectation(value, keyValue);
                default -> throw new TypeConversionException("'" + value + "': unknown key '" + fields[i]
                        + "' (valid: pid=N, expect=upper|echo)");
            }
        }
        return new Target.Peer(name, address.host(), address.port(), pid, expect);
    }

    private static Expectation expectation(String value, String expect) {
        try {
            return new Expectation.Option().convert(expect);
        } catch (TypeConversionException e) {
            throw new TypeConversionException("'" + value + "': " + e.getMessage());
        }
    }

    /** A positive number of at most 18 digits, so that it always fits a long. */
    private static long pid(String value, String pid) {
        if (!pid.matches("[1-9][0-9]{0,17}")) {
            throw new TypeConversionException("'" + value + "': pid must be a process id (a positive number), not '" + pid + "'");
        }
        return Long.parseLong(pid);
    }
}
