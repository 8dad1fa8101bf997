package shout.compare.plan;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --peer NAME=HOST:PORT} (an IPv6 host in brackets: {@code name=[::1]:8081}). */
public final class PeerConverter implements ITypeConverter<Target.Peer> {

    private static final Pattern FORM = Pattern.compile("([^=\\s]+)=(\\[[^]]+]|[^:\\s]+):(\\d{1,5})");

    @Override
    public Target.Peer convert(String value) {
        Matcher m = FORM.matcher(value.trim());
        int port = m.matches() ? Integer.parseInt(m.group(3)) : -1;
        if (port < 1 || port > 65_535) {
            throw new TypeConversionException("'" + value + "' is not NAME=HOST:PORT (example: python=127.0.0.1:8081)");
        }
        String host = m.group(2).startsWith("[") ? m.group(2).substring(1, m.group(2).length() - 1) : m.group(2);
        return new Target.Peer(m.group(1), host, port);
    }
}
