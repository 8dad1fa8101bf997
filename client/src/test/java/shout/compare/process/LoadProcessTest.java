package shout.compare.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import shout.cli.ExitCode;

/** Which exits of the load client are measurements; the process itself runs in CompareWithLoadClientTest. */
@Timeout(5)
class LoadProcessTest {

    @Test
    void onlyOkAndWrongBytesAreMeasurementsNotUsageFailuresOrSignals() {
        List<ExitCode> measured = Arrays.stream(ExitCode.values()).filter(exit -> LoadProcess.isMeasurement(exit.code())).toList();
        assertEquals(List.of(ExitCode.OK, ExitCode.WRONG_BYTES), measured);
        assertFalse(LoadProcess.isMeasurement(137), "killed by SIGKILL");
    }
}
