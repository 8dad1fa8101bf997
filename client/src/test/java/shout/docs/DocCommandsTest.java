package shout.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import shout.app.ShoutMain;

/**
 * Every shout command line that README.md and docs/ quote parses with the real command definitions: picocli parses
 * it without running it, so an option renamed or a value no longer accepted fails here, not in a reader's terminal.
 */
class DocCommandsTest {

    @Test
    void everyQuotedCommandLineParses() {
        List<QuotedCommand> commands = quotedCommands();
        List<String> failures = new ArrayList<>();
        for (QuotedCommand command : commands) {
            if (command.launcherOnly() || namesACommand(command)) {
                continue;
            }
            try {
                ShoutMain.commandLine().parseArgs(withFutureStart(command.args()).toArray(String[]::new));
            } catch (CommandLine.ParameterException | DateTimeParseException e) {
                failures.add(command.source() + ": " + command.text() + "\n    " + e.getMessage());
            }
        }
        assertTrue(commands.size() > 30, "the check found the quoted commands: " + commands.size());
        assertEquals("", String.join("\n", failures), "quoted command lines that shout rejects");
    }

    /** {@code shout merge} in prose names the command rather than running it: it must exist, nothing more. */
    private static boolean namesACommand(QuotedCommand command) {
        return command.args().size() == 1 && ShoutMain.commandLine().getSubcommands().containsKey(command.args().getFirst());
    }

    @Test
    void quotedLinesAreSplitAsAShellSplitsThem() {
        QuotedCommand command = QuotedCommand.of("t", "$ ./shout load 127.0.0.1:8081 --json - | jq .x   # a comment").orElseThrow();
        assertEquals(List.of("load", "127.0.0.1:8081", "--json", "-"), command.args());
        assertEquals(List.of("compare", "--variant", "nio-2=nio:--processes=2"),
                QuotedCommand.of("t", "shout compare --variant 'nio-2=nio:--processes=2' > out.md").orElseThrow().args());
        assertEquals(List.of("merge", "a.json"), QuotedCommand.of("t", "java -jar shout.jar merge a.json").orElseThrow().args());
        assertTrue(QuotedCommand.of("t", "source <(./shout completion)").isEmpty(), "not a line that starts shout");
    }

    /** Every command line quoted in a code block or a code span of the pages. */
    private static List<QuotedCommand> quotedCommands() {
        List<QuotedCommand> commands = new ArrayList<>();
        for (Path file : DocFiles.pages()) {
            MarkdownPage page = new MarkdownPage(file);
            String name = DocFiles.name(file);
            List<String> code = joinContinuations(page.codeLines());
            code.forEach(line -> QuotedCommand.of(name, line).ifPresent(commands::add));
            page.paragraphs().stream().flatMap(p -> MarkdownPage.codeSpans(p).stream())
                    .forEach(span -> QuotedCommand.of(name, span).ifPresent(commands::add));
        }
        return commands;
    }

    /** Lines ending in a backslash joined to the next, as the shell reads them. */
    private static List<String> joinContinuations(List<String> lines) {
        List<String> joined = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String line : lines) {
            if (line.stripTrailing().endsWith("\\")) {
                String s = line.stripTrailing();
                pending.append(s, 0, s.length() - 1).append(' ');
            } else {
                joined.add(pending + line);
                pending.setLength(0);
            }
        }
        return joined;
    }

    /**
     * A quoted {@code --start-at} names a moment that has passed by the time anyone reads it, which shout rightly
     * refuses: its form is checked here, and a moment a day ahead parsed in its place.
     */
    private static List<String> withFutureStart(List<String> args) {
        List<String> result = new ArrayList<>(args);
        for (int i = 0; i < result.size(); i++) {
            String arg = result.get(i);
            String ahead = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
            if (arg.equals("--start-at") && i + 1 < result.size()) {
                checkTime(result.get(i + 1));
                result.set(i + 1, ahead);
            } else if (arg.startsWith("--start-at=")) {
                checkTime(arg.substring("--start-at=".length()));
                result.set(i, "--start-at=" + ahead);
            }
        }
        return result;
    }

    private static void checkTime(String value) {
        if (value.contains("T")) {
            OffsetDateTime.parse(value);
        } else {
            LocalTime.parse(value);
        }
    }
}
