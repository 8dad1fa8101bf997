package shout.server.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A group's child gets the parent's own arguments, with only its port, its share of the cap and SO_REUSEPORT set. */
class GroupChildArgsTest {

    @Test
    void replacesThePerChildOptionsInEitherSpellingAndKeepsTheRest() {
        List<String> parent = List.of("--mode", "nio", "--port=0", "--processes", "2", "--threads=1",
                "--max-connections", "10", "--reuse-port", "--work", "sleep:1ms");
        assertEquals(List.of("--mode", "nio", "--threads=1", "--work", "sleep:1ms",
                        "--processes", "1", "--port", "40000", "--max-connections", "5", "--reuse-port"),
                GroupChildArgs.of(parent, 40_000, 5));
    }
}
