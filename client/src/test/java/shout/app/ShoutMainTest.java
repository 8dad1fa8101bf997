package shout.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.ParseResult;

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
    @ValueSource(strings = {"server", "chat", "load", "compare", "merge", "completion"})
    void exitCodes130And143AreListedByLoadAndCompareAndTheServersStopByZero(String command) {
        String exitCodes = shout(command, "--help").out().split("\nExit codes:\n")[1];
        boolean runs = command.equals("load") || command.equals("compare");
        assertEquals(runs, exitCodes.contains("  130  interrupted by Ctrl-C (SIGINT); what finished is kept"), exitCodes);
        assertEquals(runs, exitCodes.contains("  143  terminated by SIGTERM; what finished is kept"), exitCodes);
        assertTrue(exitCodes.contains("  0  done, or a server stopped gracefully by SIGTERM or Ctrl-C"), exitCodes);
    }

    @Test
    void helpWithoutACommandListsEveryCommand() {
        Run help = shout("help");
        assertEquals(0, help.exitCode());
        for (String command : new String[] {"server", "chat", "load", "compare", "merge", "test", "build", "bench", "help", "completion"}) {
            assertTrue(help.out().contains("\n  " + command + " "), command + " in " + help.out());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "server|--max-connections|20k|20000", "server|--backlog|1k|1000", "server|--threads|2|2", "server|--processes|2|2",
        "server|--buffer|4k|4096", "load|--connections|10k|10000", "load|--pipeline|1k|1000", "load|--messages|1M|1000000",
        "load|--rate|2.5k|2500.0", "load|--fail-errors|1k|1000", "load|--size|4k|4096", "load|--size|1.5k|1536",
        "compare|--connections|1,100,1k,10k|[1, 100, 1000, 10000]", "compare|--pipeline|1k|1000", "compare|--repeat|2|2",
        "compare|--size|4k|4096"})
    void everyCountTakesSiSuffixesAndEverySizeBinaryOnes(String command, String option, String typed, String expected) {
        ParseResult parsed = ShoutMain.commandLine().parseArgs(command, option, typed).subcommand();
        Object value = parsed.matchedOptionValue(option, null);
        assertEquals(expected, String.valueOf(value));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "server|--max-connections|1.0001k|'1.0001k' is not a whole number", "compare|--connections|1,2.5|'2.5' is not a whole number",
        "compare|--size|4x|'4x' is not a size in bytes", "load|--size|0.1k|'0.1k' is not a whole number of bytes"})
    void aNumberThatIsNotOneIsRefusedInOneLineWithExit2(String command, String option, String typed, String message) {
        Run run = shout(command, option, typed);
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("error: ") && run.err().contains(message), run.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"test", "build", "bench"})
    void aLauncherCommandHasItsHelpButRunFromTheJarSaysWhereToRunIt(String command) {
        Run help = shout("help", command);
        assertEquals(0, help.exitCode(), help.err());
        assertTrue(help.out().contains("A command of the launcher script ./shout"), help.out());
        Run run = shout(command, "-Dtest=X");
        assertEquals(1, run.exitCode());
        assertEquals("error: '" + command + "' is a command of the launcher script: run './shout " + command
                + "' in a source checkout of shout", run.err().strip());
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
