package shout.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first line a server prints once it accepts connections, {@code listening on 127.0.0.1:8081
 * mode=nio threads=2}: the real address (with the real port when 0 was asked for), then what runs there.
 * Tools, tests and parent processes read it, so it is written and parsed only here.
 *
 * @param address     where the server listens
 * @param description {@code key=value} words after the address: {@code mode=nio threads=2}
 */
public record StartLine(HostPort address, String description) {

    private static final String PREFIX = "listening on ";
    private static final Pattern FORM = Pattern.compile(Pattern.quote(PREFIX) + "(\\S+)(?: (.*))?");

    /** The line as printed. */
    @Override
    public String toString() {
        return PREFIX + address + (description.isEmpty() ? "" : " " + description);
    }

    /** The start line that {@code line} is, or empty for any other line. */
    public static Optional<StartLine> parse(String line) {
        Matcher m = FORM.matcher(line == null ? "" : line.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new StartLine(HostPort.parse(m.group(1)), m.group(2) == null ? "" : m.group(2)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public int port() {
        return address.port();
    }

    /** This line with {@code key=value} in its description: replacing the key's value if it has one, else added at the end. */
    public StartLine with(String key, String value) {
        List<String> words = new ArrayList<>(description.isEmpty() ? List.of() : List.of(description.split(" ")));
        String word = key + "=" + value;
        words.replaceAll(old -> old.startsWith(key + "=") ? word : old);
        if (!words.contains(word)) {
            words.add(word);
        }
        return new StartLine(address, String.join(" ", words));
    }

    /** The value of {@code key=value} in the description ({@code mode} gives {@code nio}), or empty. */
    public Optional<String> value(String key) {
        for (String word : description.split(" ")) {
            if (word.startsWith(key + "=")) {
                return Optional.of(word.substring(key.length() + 1));
            }
        }
        return Optional.empty();
    }
}
