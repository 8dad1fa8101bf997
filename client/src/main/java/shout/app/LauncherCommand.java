package shout.app;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine;
import shout.cli.Cli;
import shout.cli.ExitCode;

/**
 * A command of the launcher script {@code ./shout} rather than of the jar: the script runs Maven or JMH in the
 * source checkout and never starts the jar for it. The jar knows these commands only so that {@code shout --help}
 * lists every command a user can type, from this one source; run from the jar, one says where to run it.
 */
@Command(footer = {"", "Exit code: Maven's (JMH's for bench): 0 when it passed."})
final class LauncherCommand implements Callable<Integer> {

    /** The launcher's own commands, each with its one line of help. */
    enum Launched {
        TEST("Builds and runs every test (mvn verify).", "Maven's, e.g. -Dit.test=SigtermIT"),
        BUILD("Builds the jar without running the tests (mvn package).", "Maven's"),
        BENCH("Runs the servers' JMH benchmarks.", "JMH's (default: UpperCase), e.g. UpperCase -p sizeBytes=16384");

        private final String description;
        private final String arguments;

        Launched(String description, String arguments) {
            this.description = description;
            this.arguments = arguments;
        }

        String cliName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    private boolean help;

    private final Launched launched;

    private LauncherCommand(Launched launched) {
        this.launched = launched;
    }

    /** The command line of {@code launched}, named and described for the help list. */
    static CommandLine commandLine(Launched launched) {
        CommandLine commandLine = Cli.commandLine(new LauncherCommand(launched));
        CommandSpec spec = commandLine.getCommandSpec().name(launched.cliName());
        spec.usageMessage().description(launched.description, "A command of the launcher script ./shout, in a source checkout.");
        commandLine.setUnmatchedOptionsArePositionalParams(true);          // -Dtest=X is Maven's, not ours
        spec.addPositional(PositionalParamSpec.builder().paramLabel("ARG").arity("0..*").type(List.class)
                .auxiliaryTypes(String.class).description("Passed on: " + launched.arguments + ".").build());
        return commandLine;
    }

    @Override
    public Integer call() {
        return Cli.fail(spec.commandLine().getErr(), "'" + launched.cliName() + "' is a command of the launcher script: run './shout "
                + launched.cliName() + "' in a source checkout of shout", ExitCode.CANNOT_RUN);
    }
}
