package shout.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/**
 * The command-line conventions every shout command shares: enum values in any case, and one clear line
 * (never a stack trace) with a documented exit code for a user's mistake.
 */
public final class Cli {

    /** The version every command reports ({@code shout --version}) and writes into its results. */
    public static final String VERSION = "0.1";

    private Cli() {
    }

    /** A picocli command line with this project's conventions: case-insensitive enum values, one-line errors. */
    public static CommandLine commandLine(Object command) {
        CommandLine commandLine = new CommandLine(command)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(Cli::oneLineError)
                .setExecutionExceptionHandler(Cli::oneLineFailure);
        if (command instanceof ShoutCommand shout) {
            var usage = commandLine.getCommandSpec().usageMessage();
            usage.footer(Stream.concat(Stream.of(usage.footer()), Stream.of(exitCodeFooter(shout.exitCodes())))
                    .toArray(String[]::new));   // after the command's own footer, its examples
        }
        return commandLine;
    }

    /**
     * Prints {@code error: <message>} on the error stream, on one line however the failure was worded
     * (a script reads the first line of stderr), and returns the exit code's number.
     */
    public static int fail(PrintWriter err, String message, ExitCode exitCode) {
        err.println("error: " + String.valueOf(message).lines().map(String::strip).collect(Collectors.joining(" ")));
        err.flush();
        return exitCode.code();
    }

    /** The help footer listing the exit codes a command returns, worded by {@link ExitCode}. */
    static String[] exitCodeFooter(ExitCode... codes) {
        List<String> lines = new ArrayList<>(List.of("", "Exit codes:"));
        for (ExitCode code : codes) {
            lines.add("  " + code.code() + "  " + code.helpLine());
        }
        return lines.toArray(String[]::new);
    }

    /** Rejects an impossible setting with {@code message}, which speaks to the user: it becomes their one-line error. */
    public static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Runs a parser whose IllegalArgumentException speaks to the user, as picocli's own conversion error. */
    public static <T> T userValue(Supplier<T> parser) {
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
        throw new CommandLine.TypeConversionException("unknown " + what + " '" + value + "' (valid: "
                + String.join(", ", names(type)) + ")");
    }

    /** The constants' names as the command line spells them: lower case. */
    public static <E extends Enum<E>> List<String> names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
    }

    /** picocli's handler for bad options: one line plus a pointer to --help. */
    private static int oneLineError(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        return fail(cmd.getErr(), e.getMessage() + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')", ExitCode.USAGE);
    }

    /** picocli's handler for a failure while running: one line; the detail goes to the log. */
    private static int oneLineFailure(Exception e, CommandLine cmd, ParseResult parsed) {
        System.getLogger(Cli.class.getName()).log(System.Logger.Level.DEBUG, "command failed", e);
        return fail(cmd.getErr(), e.getMessage() == null ? e.toString() : e.getMessage(), ExitCode.CANNOT_RUN);
    }
}
