package shout.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A shout command line as a page quotes it, in a code block ({@code $ ./shout load 127.0.0.1:8081 -c 100}) or a code
 * span: the words after {@code shout}, {@code ./shout} or {@code java -jar shout.jar}, split as a shell splits them,
 * up to the first comment, pipe, redirection or separator.
 *
 * @param source where it was quoted, for messages
 * @param text   the line as quoted
 * @param args   the words after the program
 */
record QuotedCommand(String source, String text, List<String> args) {

    /** Commands of the {@code shout} launcher script rather than of the jar. */
    static final Set<String> LAUNCHER_ONLY = Set.of("test", "build", "bench");

    private static final Pattern PROGRAM = Pattern.compile("^(?:\\$\\s+)?(?:\\./shout|shout|java\\s+(?:\\S+\\s+)*?-jar\\s+\\S*shout\\.jar)(?=\\s|$)");
    private static final Set<String> STOP = Set.of("|", "||", "&&", "&", ";", ">", ">>", "<", "2>", "2>&1");

    /** The command a quoted line or code span holds, if it runs shout. */
    static Optional<QuotedCommand> of(String source, String quoted) {
        String text = quoted.strip();
        var program = PROGRAM.matcher(text);
        if (!program.find()) {
            return Optional.empty();
        }
        return Optional.of(new QuotedCommand(source, text, words(text.substring(program.end()))));
    }

    /** Whether the launcher script, not the jar, runs this command. */
    boolean launcherOnly() {
        return !args.isEmpty() && LAUNCHER_ONLY.contains(args.getFirst());
    }

    /** Shell words: quotes group and are removed, {@code #} starts a comment, an operator ends the command. */
    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                word = word == null ? new StringBuilder() : word;
            } else if (Character.isWhitespace(c)) {
                if (word != null && !end(words, word)) {
                    return words;
                }
                word = null;
            } else if (c == '#' && word == null) {
                return words;
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (word != null) {
            end(words, word);
        }
        return words;
    }

    /** Adds a finished word; false when it is an operator that ends the command. */
    private static boolean end(List<String> words, StringBuilder word) {
        String w = word.toString();
        if (STOP.contains(w) || w.startsWith(">") || w.startsWith("<")) {
            return false;
        }
        words.add(w);
        return true;
    }
}
