package shout.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reference pages under docs/reference/ say what the picocli annotations say. Every run writes the fresh pages
 * to client/target/docs/reference/; when one differs, the failure names the one command that updates them.
 */
class ReferencePagesTest {

    private static final String FRESH = "client/target/docs/reference";

    @Test
    void everyCommandsPageMatchesItsAnnotations() throws IOException {
        Path root = DocFiles.root();
        Path fresh = Files.createDirectories(root.resolve(FRESH));
        List<String> stale = new ArrayList<>();
        for (String command : ReferencePage.COMMANDS) {
            Path page = root.resolve("docs/reference/" + command + ".md");
            String existing = Files.exists(page) ? Files.readString(page) : null;
            String updated = ReferencePage.update(existing, command);
            Files.writeString(fresh.resolve(command + ".md"), updated);
            if (!updated.equals(existing)) {
                stale.add("docs/reference/" + command + ".md");
            }
        }
        assertEquals(List.of(), stale, "stale against the picocli annotations; from the repository root, regenerate with:"
                + "  cp " + FRESH + "/*.md docs/reference/");
    }

    @Test
    void updateKeepsTheHandWrittenPartsAroundTheGeneratedOne() {
        String page = "# shout chat\n\nIntro by hand.\n\n" + ReferencePage.BEGIN + "\nold\n" + ReferencePage.END + "\n\n## Notes\n\nBy hand.\n";
        String updated = ReferencePage.update(page, "chat");
        assertTrue(updated.startsWith("# shout chat\n\nIntro by hand.\n\n" + ReferencePage.BEGIN + "\n"), updated);
        assertTrue(updated.endsWith(ReferencePage.END + "\n\n## Notes\n\nBy hand.\n"), updated);
        assertTrue(updated.contains("`--timeout=DURATION`") && !updated.contains("\nold\n"), updated);
    }
}
