package shout.docs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README stays a newcomer's page: within its line budget, with the quick start on its first screen, and free of
 * the dates and commit hashes that belong to the findings and the history.
 */
class ReadmeTest {

    /** The README's line budget; what does not fit belongs in a page under docs/. */
    static final int MAX_LINES = 250;
    /** The quick start's two commands appear within this many lines from the top. */
    static final int QUICK_START_LINES = 40;

    private final List<String> lines = DocFiles.lines(DocFiles.root().resolve("README.md"));

    @Test
    void staysWithinItsLineBudget() {
        assertTrue(lines.size() <= MAX_LINES, "README.md has " + lines.size() + " lines, at most " + MAX_LINES
                + ": move the detail to a page under docs/ and link it");
    }

    @Test
    void quickStartIsOnTheFirstScreen() {
        String top = String.join("\n", lines.subList(0, Math.min(QUICK_START_LINES, lines.size())));
        for (String command : List.of("./shout compare --quick", "./shout test")) {
            assertTrue(top.contains(command), "'" + command + "' within the first " + QUICK_START_LINES + " lines");
        }
    }

    @Test
    void holdsNoDateButItsTablesStampAndNoCommitHash() {
        String text = String.join("\n", lines);
        long dates = Pattern.compile("\\b20\\d\\d-\\d\\d-\\d\\d\\b").matcher(text).results().count();
        assertTrue(dates <= 1, "README.md names " + dates + " dates; only the stamp of its table's run belongs there");
        var hash = Pattern.compile("\\b(?=[0-9a-f]*[a-f])(?=[0-9a-f]*[0-9])[0-9a-f]{7,40}\\b").matcher(text);
        assertFalse(hash.find(), () -> "a commit hash in README.md: " + hash.group());
    }
}
