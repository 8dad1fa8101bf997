package shout.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Checks an output path before a run, so a long run is not wasted on a file it cannot write at the end.
 * The answer is the reason a person needs, as the system would word it: {@code no such directory},
 * {@code is a directory}, {@code permission denied}. A caller reports it with {@link ExitCode#CANNOT_RUN}.
 */
public final class OutputPaths {

    private OutputPaths() {
    }

    /** Why {@code file} cannot be created or overwritten as a file, or empty when it can. */
    public static Optional<String> fileProblem(Path file) {
        Path absolute = file.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return Optional.of("is a directory");
        }
        Path parent = absolute.getParent();
        if (parent == null || !Files.exists(parent)) {
            return Optional.of("no such directory");
        }
        if (!Files.isDirectory(parent)) {
            return Optional.of("not a directory: " + parent);
        }
        boolean writable = Files.exists(absolute) ? Files.isWritable(absolute) : Files.isWritable(parent);
        return writable ? Optional.empty() : Optional.of("permission denied");
    }

    /** Why {@code dir} cannot be used, or created, as a directory to write into, or empty when it can. */
    public static Optional<String> directoryProblem(Path dir) {
        Path existing = dir.toAbsolutePath();
        while (!Files.exists(existing)) {
            existing = existing.getParent();            // created with its missing parents when written
        }
        if (!Files.isDirectory(existing)) {
            return Optional.of("not a directory: " + existing);
        }
        return Files.isWritable(existing) ? Optional.empty() : Optional.of("permission denied");
    }

    /** The one line for a problem: {@code cannot write run.json: no such directory}. */
    public static String describe(Path path, String problem) {
        return "cannot write " + path + ": " + problem;
    }
}
