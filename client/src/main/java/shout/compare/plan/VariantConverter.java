package shout.compare.plan;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import shout.server.Mode;
import shout.server.options.ServerOptions;

/**
 * Reads {@code --variant LABEL=MODE[:ARG,ARG...]}: a row that is a mode plus server arguments, e.g.
 * {@code nio-2proc=nio:--processes=2,--threads=1}. Arguments the harness owns, or that would change the
 * ideal line behind the row's back ({@code --mode}, {@code --port}, {@code --work}), are refused.
 */
public final class VariantConverter implements ITypeConverter<Target.Server> {

    static final String FORM_HELP = "LABEL=MODE[:ARG,ARG...] (example: nio-offload=nio:--offload)";
    private static final Pattern FORM = Pattern.compile("([^=:]+)=([A-Za-z]+)(?::(.*))?");
    private static final List<String> OWNED = List.of("--mode", "--port", "--work");

    @Override
    public Target.Server convert(String value) {
        Matcher m = FORM.matcher(value.trim());
        if (!m.matches() || m.group(1).isBlank()) {
            throw new TypeConversionException("'" + value + "' is not " + FORM_HELP);
        }
        Mode mode = new ServerOptions.ModeOption().convert(m.group(2));
        List<String> args = m.group(3) == null ? List.of() : Arrays.stream(m.group(3).split(",", -1)).map(String::strip).toList();
        for (String arg : args) {
            checkArgument(value, arg);
        }
        return new Target.Server(mode, m.group(1).strip(), args);
    }

    private static void checkArgument(String value, String arg) {
        if (!arg.matches("--\\S+")) {
            throw new TypeConversionException("variant '" + value + "': each ARG is a server option such as --threads=4, not '" + arg + "'");
        }
        String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
        if (OWNED.contains(name)) {
            throw new TypeConversionException("variant '" + value + "': " + name + " is set by compare for every row (use compare's own option)");
        }
    }
}
