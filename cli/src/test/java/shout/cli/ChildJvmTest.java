package shout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The command line of a child JVM: the prefix, the binary with this project's flags, the class path, the main class. */
@Timeout(5)
class ChildJvmTest {

    /** Stands in for whatever main class a child runs. */
    private static final class SomeEntryPoint {
    }

    @Test
    void childrenSizedForTheirCpusGetTheCountOnceAfterTheOtherFlags() {
        ChildJvm jvm = new ChildJvm("/jdk/bin/java", "/app/shout.jar").sizedFor(2).sizedFor(1);
        List<String> expected = new ArrayList<>(List.of("/jdk/bin/java"));
        expected.addAll(ChildJvm.JVM_FLAGS);
        expected.add("-XX:ActiveProcessorCount=1");
        expected.addAll(List.of("-cp", "/app/shout.jar", SomeEntryPoint.class.getName(), "load"));
        assertEquals(expected, jvm.command(List.of(), SomeEntryPoint.class, List.of("load")));
    }

    @Test
    void childrenInheritTheCpuCountAndTheLaunchersHeapTrimButNoOtherFlag() {
        List<String> parent = List.of("-Xmx64m", "-XX:TrimNativeHeapInterval=1000", "-Dshout.x=1", "-XX:ActiveProcessorCount=1");
        List<String> expected = new ArrayList<>(ChildJvm.JVM_FLAGS);
        expected.addAll(List.of("-XX:TrimNativeHeapInterval=1000", "-XX:ActiveProcessorCount=1"));
        assertEquals(expected, ChildJvm.flagsInheritedFrom(parent));
    }
}
