package shout.compare.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

/** The CPU lists of --server-cpus and --client-cpus, read as taskset reads them. */
class CpuPinningTest {

    @Test
    void readsCpuListsAsSets() {
        BitSet expected = new BitSet();
        expected.set(0);
        expected.set(2, 4);
        assertEquals(expected, CpuPinning.cpuSet("0,2-3"));
        assertEquals(CpuPinning.cpuSet("1-3"), CpuPinning.cpuSet("1,2,3"));
    }
}
