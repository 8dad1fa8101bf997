package shout.app;

import picocli.CommandLine.Command;
import picocli.CommandLine;
import shout.chat.ChatCommand;
import shout.cli.Cli;
import shout.cli.LogFormat;
import shout.cli.Terminal;
import shout.compare.CompareCommand;
import shout.load.command.LoadCommand;
import shout.merge.MergeCommand;
import shout.server.app.ServerMain;

/**
 * The one entry point of the jar: {@code shout server|chat|load|compare|merge}, {@code shout help|completion}, and
 * in the help list the launcher script's own {@code test|build|bench}.
 */
@Command(name = "shout", mixinStandardHelpOptions = true, version = "shout " + Cli.VERSION,
        description = "Interchangeable upper-casing echo servers, and a load client to compare them.")
public final class ShoutMain {

    private ShoutMain() {
    }

    public static void main(String[] args) {
        LogFormat.oneLinePerEvent();
        System.exit(commandLine(true).execute(args));
    }

    /**
     * The command tree with every subcommand registered, as in-process tests run it: no signal handlers. Public for
     * the documentation checks, which parse the command lines the docs quote and render the reference pages from it.
     */
    public static CommandLine commandLine() {
        return commandLine(false);
    }

    /** @param handleSignals whether server, load and compare turn SIGTERM and Ctrl-C into their own stop: only in {@link #main} */
    private static CommandLine commandLine(boolean handleSignals) {
        return Cli.commandLine(new ShoutMain())
                .addSubcommand(Cli.commandLine(new ServerMain(handleSignals)))
                .addSubcommand(Cli.commandLine(new ChatCommand(System.in, Terminal.stdin())))
                .addSubcommand(Cli.commandLine(new LoadCommand(handleSignals)))
                .addSubcommand(Cli.commandLine(new CompareCommand(ShoutMain.class, ServerMain.class, handleSignals)))
                .addSubcommand(Cli.commandLine(new MergeCommand()))
                .addSubcommand(LauncherCommand.commandLine(LauncherCommand.Launched.TEST))
                .addSubcommand(LauncherCommand.commandLine(LauncherCommand.Launched.BUILD))
                .addSubcommand(LauncherCommand.commandLine(LauncherCommand.Launched.BENCH))
                .addSubcommand(Cli.commandLine(new CommandLine.HelpCommand()))
                .addSubcommand(Cli.commandLine(new CompletionCommand()));
    }
}
