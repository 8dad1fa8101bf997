package shout.compare.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import shout.load.MessageShape;
import shout.server.Mode;

/** The load client's --interval per cell: a tenth of the cell, from 50 ms to 1 s, never beyond the cell. */
class CellTest {

    @ParameterizedTest
    @CsvSource({"750, 75", "5000, 500", "20000, 1000", "10000, 1000", "200, 50", "30, 30"})
    void throughputIntervalIsATenthOfTheDurationWithin50msAnd1s(long durationMillis, long intervalMillis) {
        Cell cell = new Cell(new Target.Server(Mode.NIO), 1, new MessageShape(64, 1), Duration.ZERO, Duration.ofMillis(durationMillis));
        assertEquals(Duration.ofMillis(intervalMillis), cell.throughputInterval());
    }
}
