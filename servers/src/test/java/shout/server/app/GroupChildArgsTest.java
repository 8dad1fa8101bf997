package shout.server.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;
import org.junit.jupiter.api.Test;

/** A group's child gets the parent's own arguments, with only its own options (port, share of the cap, metrics port) and SO_REUSEPORT set. */
class GroupChildArgsTest {

    @Test
    void replacesThePerChildOptionsInEitherSpellingAndKeepsTheRest() {
        List<String> parent = List.of("--mode", "nio", "--port=0", "--processes", "2", "--threads=1",
                "--max-connections", "10", "--reuse-port", "--work", "sleep:1ms", "--metrics-port=9100");
        SequencedMap<String, String> child = new LinkedHashMap<>();
        child.put("--processes", "1");
        child.put("--port", "40000");
        child.put("--max-connections", "5");
        child.put("--metrics-port", "9101");
        assertEquals(List.of("--mode", "nio", "--threads=1", "--work", "sleep:1ms",
                        "--processes", "1", "--port", "40000", "--max-connections", "5", "--metrics-port", "9101", "--reuse-port"),
                GroupChildArgs.of(parent, child));
    }
}
