package shout.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command tree as a person meets it: {@code shout help}, examples in every help, {@code shout completion}. */
class ShoutMainTest {

    private record Run(int exitCode, String out, String err) {
    }

    private static Run shout(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = ShoutMain.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"server", "chat", "load", "compare", "merge"})
    void helpCommandShowsACommandsHelpWithExamplesBeforeTheExitCodes(String command) {
        Run help = shout("help", command);
        assertEquals(0, help.exitCode(), help.err());
        assertEquals(shout(command, "--help").out(), help.out(), "'shout help X' is 'shout X --help'");
        int examples = help.out().indexOf("\nExamples:\n");
        int exitCodes = help.out().indexOf("\nExit codes:\n");
        assertTrue(examples > 0 && exitCodes > examples, help.out());
        long lines = help.out().substring(examples, exitCodes).lines().filter(l -> l.matches(".*\\bshout " + command + "\\b.*")).count();
        assertTrue(lines >= 3, "a few examples: " + help.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"server", "chat", "load", "merge", "completion"})
    void exitCode130IsListedByLoadNotByServerOrChat(String command) {
        String exitCodes = shout(command, "--help").out().split("\nExit codes:\n")[1];
        assertEquals(command.equals("load"), exitCodes.contains("  130  interrupted"), exitCodes);
    }

    @Test
    void helpWithoutACommandListsEveryCommand() {
        Run help = shout("help");
        assertEquals(0, help.exitCode());
        for (String command : new String[] {"server", "chat", "load", "compare", "merge", "help", "completion"}) {
            assertTrue(help.out().contains("\n  " + command + " "), command + " in " + help.out());
        }
    }

    @Test
    void completionPrintsPicocliBashScriptForTheWholeTree() {
        Run completion = shout("completion");
        assertEquals(0, completion.exitCode(), completion.err());
        assertTrue(completion.out().startsWith("#!/usr/bin/env bash"), completion.out().lines().findFirst().orElse(""));
        assertTrue(completion.out().contains("complete -F _complete_shout -o default shout"), "registers itself");
        assertTrue(completion.out().contains("--fail-p99"), "load's options");
        assertTrue(completion.out().contains("nio netty") || completion.out().contains("nio\" \"netty"), "mode values");
        assertTrue(shout("completion", "--help").out().contains("source <(shout completion)"));
    }
}
