package shout.docs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Markdown page split the way GitHub renders it, as far as the doc checks need: code (fenced blocks, and
 * indented blocks after a blank line) apart from prose, prose joined into paragraphs so that a code span may wrap,
 * and the anchors its headings get.
 */
final class MarkdownPage {

    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+(?:id|name)=\"([^\"]+)\"");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1");
    private static final Pattern LINK_TEXT = Pattern.compile("!?\\[([^\\]]*)\\]\\([^)]*\\)");

    private final Path path;
    private final List<String> codeLines = new ArrayList<>();
    private final List<String> paragraphs = new ArrayList<>();
    private final Set<String> anchors = new LinkedHashSet<>();

    MarkdownPage(Path path) {
        this.path = path;
        split(DocFiles.lines(path));
    }

    Path path() {
        return path;
    }

    /** Every line inside a code block, as written. */
    List<String> codeLines() {
        return codeLines;
    }

    /** The prose, one string per paragraph (its lines joined by spaces). */
    List<String> paragraphs() {
        return paragraphs;
    }

    /** The fragments links may point at: each heading's GitHub anchor, and {@code <a id>} / {@code <a name>}. */
    Set<String> anchors() {
        return anchors;
    }

    /** The contents of the code spans in a paragraph. */
    static List<String> codeSpans(String paragraph) {
        List<String> spans = new ArrayList<>();
        Matcher m = CODE_SPAN.matcher(paragraph);
        while (m.find()) {
            spans.add(m.group(2).strip());
        }
        return spans;
    }

    /** A paragraph with its code spans taken out, so that nothing quoted as code counts as a link. */
    static String withoutCodeSpans(String paragraph) {
        return CODE_SPAN.matcher(paragraph).replaceAll(" ");
    }

    /**
     * The anchor GitHub gives a heading: its text as rendered (code marks and link syntax gone), lower case,
     * every character but letters, digits, spaces, hyphens and underscores dropped, each space a hyphen.
     */
    static String slug(String heading) {
        String text = LINK_TEXT.matcher(heading).replaceAll("$1").replace("`", "").replace("*", "");
        StringBuilder slug = new StringBuilder();
        text.toLowerCase(Locale.ROOT).codePoints().forEach(c -> {
            if (c == ' ') {
                slug.append('-');
            } else if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                slug.appendCodePoint(c);
            }
        });
        return slug.toString();
    }

    private void split(List<String> lines) {
        Map<String, Integer> seen = new HashMap<>();
        String fence = null;
        boolean previousBlank = true;
        boolean inIndented = false;
        StringBuilder paragraph = new StringBuilder();
        for (String line : lines) {
            Matcher fenceMatch = FENCE.matcher(line);
            if (fence != null) {
                if (fenceMatch.find() && fenceMatch.group(1).equals(fence)) {
                    fence = null;
                } else {
                    codeLines.add(line);
                }
                continue;
            }
            if (fenceMatch.find()) {
                endParagraph(paragraph);
                fence = fenceMatch.group(1);
                continue;
            }
            boolean blank = line.isBlank();
            inIndented = !blank && line.startsWith("    ") && (previousBlank || inIndented) && paragraph.isEmpty();
            previousBlank = blank;
            if (inIndented) {
                codeLines.add(line);
                continue;
            }
            if (blank) {
                endParagraph(paragraph);
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                endParagraph(paragraph);
                String slug = slug(heading.group(1));
                int count = seen.merge(slug, 1, Integer::sum);
                anchors.add(count == 1 ? slug : slug + "-" + (count - 1));
            }
            Matcher html = HTML_ANCHOR.matcher(line);
            while (html.find()) {
                anchors.add(html.group(1));
            }
            paragraph.append(paragraph.isEmpty() ? "" : " ").append(line.strip());
            if (heading.matches()) {
                endParagraph(paragraph);
            }
        }
        endParagraph(paragraph);
    }

    private void endParagraph(StringBuilder paragraph) {
        if (!paragraph.isEmpty()) {
            paragraphs.add(paragraph.toString());
            paragraph.setLength(0);
        }
    }
}
