package shout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ExitCodeTest {

    @Test
    void aKnownCodeIsDescribedByItsMeaningAnUnknownOneByItsNumber() {
        assertEquals(ExitCode.WRONG_BYTES, ExitCode.of(3));
        assertEquals("exit code 2 (bad usage)", ExitCode.describe(2));
        assertNull(ExitCode.of(137));
        assertEquals("exit code 137", ExitCode.describe(137));
        assertEquals("exit code 130 (interrupted)", ExitCode.describe(130));
    }

    @Test
    void aRunStoppedByASignalExits128PlusItsNumber() {
        assertEquals(ExitCode.INTERRUPTED, ExitCode.stoppedBy(2));
        assertEquals(ExitCode.TERMINATED, ExitCode.stoppedBy(15));
        assertEquals("exit code 143 (terminated)", ExitCode.describe(143));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> ExitCode.stoppedBy(9));
    }
}
