package shout.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the documentation lives: the repository root (found from the test's working directory) and its pages. */
final class DocFiles {

    private DocFiles() {
    }

    /** The repository root: the nearest directory at or above the working directory holding README.md and docs/. */
    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("docs"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no README.md with a docs/ beside it above " + Path.of("").toAbsolutePath());
    }

    /** README.md and every Markdown page under docs/, in a stable order. */
    static List<Path> pages() {
        Path root = root();
        try (Stream<Path> docs = Files.walk(root.resolve("docs"))) {
            return Stream.concat(Stream.of(root.resolve("README.md")),
                    docs.filter(p -> p.toString().endsWith(".md")).sorted()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A page's lines. */
    static List<String> lines(Path page) {
        try {
            return Files.readAllLines(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A page's path as the repository names it, for messages: {@code docs/findings.md}. */
    static String name(Path page) {
        return root().relativize(page).toString().replace('\\', '/');
    }
}
