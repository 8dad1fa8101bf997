package shout.compare.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Reading /proc figures from text: no process needed. */
@Timeout(5)
class ProcStatTest {

    @Test
    void cpuTicksAreUtimePlusStimeEvenWhenTheNameHoldsSpacesAndParentheses() {
        String stat = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 31 0 0 20 0 18 0 1000 0";
        assertEquals(281, ProcStat.cpuTicks(stat));
    }
}
