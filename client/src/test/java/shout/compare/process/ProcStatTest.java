package shout.compare.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Reading /proc figures from text, and resetting a process's memory peak (this JVM's). */
@Timeout(5)
class ProcStatTest {

    @Test
    void cpuTicksAreUtimePlusStimeEvenWhenTheNameHoldsSpacesAndParentheses() {
        String stat = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 31 0 0 20 0 18 0 1000 0";
        assertEquals(281, ProcStat.cpuTicks(stat));
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aTreeHoldsTheChildrenAndReadingItLeavesOutOneThatIsGone() throws Exception {
        long self = ProcessHandle.current().pid();
        Process child = new ProcessBuilder("sleep", "30").start();
        try {
            List<Long> tree = ProcStat.tree(self);
            assertEquals(self, tree.get(0));
            assertTrue(tree.contains(child.pid()), tree.toString());
            ProcStat both = ProcStat.readAll(tree);
            child.destroy();
            child.waitFor();
            ProcStat alone = ProcStat.readAll(tree);            // the child's directory is gone: left out, no failure
            assertTrue(both.threads() > alone.threads(), both + " against " + alone);
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void resettingThePeakBringsItDownToTheMemoryResidentNow() throws Exception {
        long self = ProcessHandle.current().pid();
        assertTrue(ProcStat.resetPeaks(self));
        String status = Files.readString(Path.of("/proc/self/status"));
        long peakKiB = kib(status, "VmHWM:");
        long residentKiB = kib(status, "VmRSS:");
        assertTrue(peakKiB >= residentKiB && peakKiB - residentKiB < 16 * 1024, "peak " + peakKiB + " KiB, resident " + residentKiB + " KiB");
    }

    private static long kib(String status, String field) {
        return status.lines().filter(l -> l.startsWith(field)).mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElseThrow();
    }
}
