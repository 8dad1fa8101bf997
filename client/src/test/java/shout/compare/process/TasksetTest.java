package shout.compare.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import shout.compare.plan.CpuPinning;

/** Pinning a running process: every thread, checked in /proc. */
@Timeout(20)
class TasksetTest {

    @Test
    void pinsEveryThreadOfARunningProcess() throws Exception {
        assumeTrue(CpuPinning.forThisMachine(null, null).serverCpus() != null, "no taskset or one core");
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            assertNull(Taskset.pin(sleeper.pid(), "0"));
            List<String> status = Files.readAllLines(Path.of("/proc", Long.toString(sleeper.pid()), "status"));
            assertEquals(List.of("Cpus_allowed_list:\t0"), status.stream().filter(l -> l.startsWith("Cpus_allowed_list:")).toList());
        } finally {
            sleeper.destroy();
            sleeper.waitFor();
        }
    }
}
