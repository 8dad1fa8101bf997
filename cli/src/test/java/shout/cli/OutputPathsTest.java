package shout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputPathsTest {

    @TempDir
    Path dir;

    @Test
    void aFileInAnExistingDirectoryCanBeWritten() throws IOException {
        assertEquals(Optional.empty(), OutputPaths.fileProblem(dir.resolve("new.json")));
        assertEquals(Optional.empty(), OutputPaths.fileProblem(Files.writeString(dir.resolve("old.json"), "{}")));
    }

    @Test
    void aFileNeedsItsDirectoryAndMustNotBeOne() {
        assertEquals(Optional.of("no such directory"), OutputPaths.fileProblem(dir.resolve("missing/run.json")));
        assertEquals(Optional.of("is a directory"), OutputPaths.fileProblem(dir));
    }

    @Test
    void aDirectoryIsCreatedWithItsParentsUnlessAFileIsInTheWay() throws IOException {
        assertEquals(Optional.empty(), OutputPaths.directoryProblem(dir.resolve("a/b/c")));
        Path file = Files.writeString(dir.resolve("file"), "");
        assertEquals(Optional.of("not a directory: " + file), OutputPaths.directoryProblem(file.resolve("results")));
        assertEquals(Optional.of("not a directory: " + file), OutputPaths.directoryProblem(file));
    }
}
