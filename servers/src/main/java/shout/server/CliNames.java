package shout.server;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The command-line conventions every shout command shares: enum values in lower case, durations and
 * work specs as typed options, and one clear line (never a stack trace) for a user's mistake.
 */
public final class CliNames {

    private CliNames() {
    }

    /** Lists the modes in lower case for help text. */
    public static final class Modes implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Mode.values()).map(Mode::cliName).iterator();
        }
    }

    /** Lists the transports in lower case for help text. */
    public static final class Transports implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Transport.values()).map(t -> t.name().toLowerCase(Locale.ROOT)).iterator();
        }
    }

    /** Reads a mode name in any case; an unknown one lists the valid ones. */
    public static final class ModeConverter implements ITypeConverter<Mode> {
        @Override
        public Mode convert(String value) {
            return parseEnum(Mode.class, value, "mode");
        }
    }

    /** Reads a transport name in any case; an unknown one lists the valid ones. */
    public static final class TransportConverter implements ITypeConverter<Transport> {
        @Override
        public Transport convert(String value) {
            return parseEnum(Transport.class, value, "transport");
        }
    }

    /** Reads {@code 300s}, {@code 10ms}, {@code 200us}. */
    public static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return userValue(() -> Durations.parse(value));
        }
    }

    /** Reads {@code none}, {@code sleep:10ms}, {@code cpu:200us}. */
    public static final class WorkConverter implements ITypeConverter<Work> {
        @Override
        public Work convert(String value) {
            return userValue(() -> Work.parse(value));
        }
    }

    /** Runs a parser whose IllegalArgumentException speaks to the user, as picocli's own conversion error. */
    private static <T> T userValue(java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }

    /** An enum constant from its name in any case, or an error that lists the valid names. */
    public static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String what) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.trim())) {
                return constant;
            }
        }
        String valid = String.join(", ", Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
        throw new CommandLine.TypeConversionException("unknown " + what + " '" + value + "' (valid: " + valid + ")");
    }

    /** Prints {@code shout <command>: <message>} on the error stream and returns the exit code. */
    public static int fail(PrintWriter err, String message, int exitCode) {
        err.println("error: " + message);
        err.flush();
        return exitCode;
    }

    /** picocli's handler for bad options: one line plus a pointer to --help, exit 2. */
    public static int oneLineError(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        return fail(cmd.getErr(), e.getMessage() + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')", 2);
    }

    /** picocli's handler for a failure while running: one line; the detail goes to the log. */
    public static int oneLineFailure(Exception e, CommandLine cmd, ParseResult parsed) {
        System.getLogger(CliNames.class.getName()).log(System.Logger.Level.DEBUG, "command failed", e);
        return fail(cmd.getErr(), e.getMessage() == null ? e.toString() : e.getMessage(), 1);
    }
}
