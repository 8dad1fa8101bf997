package shout.compare.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import shout.cli.ChildJvm;

/** The command line of a child shout: the prefix, the JVM with its flags, then the entry point compare was handed. */
@Timeout(5)
class ChildShoutTest {

    /** Stands in for the jar's entry point: compare must run whatever it is handed, never a class it names itself. */
    private static final class SomeEntryPoint {
    }

    @Test
    void runsTheHandedInEntryPointAfterThePrefixAndTheJvm() {
        ChildShout shout = new ChildShout(new ChildJvm("/jdk/bin/java", "/app/shout.jar"), SomeEntryPoint.class, SomeEntryPoint.class);
        List<String> expected = new ArrayList<>(List.of("taskset", "-c", "0", "/jdk/bin/java"));
        expected.addAll(ChildJvm.JVM_FLAGS);
        expected.addAll(List.of("-cp", "/app/shout.jar", SomeEntryPoint.class.getName(), "server", "--port", "0"));
        assertEquals(expected, shout.command(List.of("taskset", "-c", "0"), List.of("server", "--port", "0")));
    }
}
