package shout.client;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import shout.server.LogFormat;
import shout.server.ServerMain;

/** The one entry point of the jar: {@code shout server|chat|load|compare}. */
@Command(name = "shout", mixinStandardHelpOptions = true, version = "shout 0.1",
        description = "Interchangeable upper-casing echo servers, and a load client to compare them.")
public final class ShoutMain {

    private ShoutMain() {
    }

    public static void main(String[] args) {
        LogFormat.oneLinePerEvent();
        System.exit(commandLine().execute(args));
    }

    /** The command tree with every subcommand registered. */
    static CommandLine commandLine() {
        return ServerMain.commandLine(new ShoutMain())
                .addSubcommand(ServerMain.commandLine(new ServerMain(true)))
                .addSubcommand(ServerMain.commandLine(new ChatCommand(System.in, System.console() != null)))
                .addSubcommand(ServerMain.commandLine(new LoadCommand()))
                .addSubcommand(ServerMain.commandLine(new CompareCommand()));
    }
}
