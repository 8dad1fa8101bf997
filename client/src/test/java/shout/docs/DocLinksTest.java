package shout.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every relative link in README.md and docs/ reaches a file of the repository, and every anchor a heading in it. */
class DocLinksTest {

    private static final Pattern INLINE_LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern REFERENCE_LINK = Pattern.compile("^\\s{0,3}\\[[^\\]]+\\]:\\s*(\\S+)");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    private final Map<Path, MarkdownPage> pages = new HashMap<>();

    @Test
    void everyRelativeLinkAndAnchorResolves() {
        Path root = DocFiles.root();
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path file : DocFiles.pages()) {
            MarkdownPage page = page(file);
            for (String target : links(page)) {
                checked++;
                String problem = problem(root, file, target);
                if (problem != null) {
                    broken.add(DocFiles.name(file) + ": (" + target + ") " + problem);
                }
            }
        }
        assertTrue(checked > 20, "the check found links at all: " + checked);
        assertEquals(List.of(), broken, "links that do not resolve (anchors follow GitHub's rules for headings)");
    }

    @Test
    void slugsFollowGitHubsRules() {
        assertEquals("what--and--mean", MarkdownPage.slug("What `^` and `~` mean"));
        assertEquals("shout-load", MarkdownPage.slug("`shout load`"));
        assertEquals("how-far-to-trust-the-numbers", MarkdownPage.slug("How far to trust the numbers?"));
        assertEquals("io_uring-1000-connections", MarkdownPage.slug("io_uring: 1,000 connections"));
    }

    private List<String> links(MarkdownPage page) {
        List<String> links = new ArrayList<>();
        for (String paragraph : page.paragraphs()) {
            String prose = MarkdownPage.withoutCodeSpans(paragraph);
            Matcher inline = INLINE_LINK.matcher(prose);
            while (inline.find()) {
                links.add(inline.group(1));
            }
            Matcher reference = REFERENCE_LINK.matcher(prose);
            if (reference.find()) {
                links.add(reference.group(1));
            }
        }
        return links.stream().filter(link -> !SCHEME.matcher(link).find()).toList();
    }

    private String problem(Path root, Path from, String target) {
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path resolved = file.isEmpty() ? from : from.getParent().resolve(file).normalize();
        if (!resolved.startsWith(root)) {
            return "leaves the repository";
        }
        if (!Files.exists(resolved)) {
            return "no such file: " + root.relativize(resolved);
        }
        if (anchor == null || !resolved.toString().endsWith(".md")) {
            return null;
        }
        Set<String> anchors = page(resolved).anchors();
        return anchors.contains(anchor) ? null : "no heading with anchor #" + anchor + " in " + root.relativize(resolved);
    }

    private MarkdownPage page(Path file) {
        return pages.computeIfAbsent(file, MarkdownPage::new);
    }
}
