package shout.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shout.compare.plan.Cell;
import shout.compare.plan.Target;
import shout.compare.result.CellResult;
import shout.compare.result.ServerCost;
import shout.load.LoadReport;
import shout.load.MessageShape;
import shout.server.Mode;

class PartCellsTest {

    private static final Cell CELL = new Cell(new Target.Server(Mode.NIO), 10, new MessageShape(64, 1), Duration.ZERO,
            Duration.ofSeconds(1));

    private static final Cell OPEN_CELL = new Cell(new Target.Server(Mode.NIO), 10, new MessageShape(64, 1), Duration.ZERO,
            Duration.ofSeconds(1), 1000);

    private static CellResult measured(double messagesPerSecond) {
        return CellResult.measured(CELL, load(messagesPerSecond), null, null);
    }

    private static CellResult openLoop(double messagesPerSecond, double serverMicrosPerMessage) {
        return CellResult.measured(OPEN_CELL, load(messagesPerSecond),
                new ServerCost(50, 10, serverMicrosPerMessage * messagesPerSecond / 1e6, serverMicrosPerMessage, null), null);
    }

    private static LoadReport load(double messagesPerSecond) {
        return new LoadReport(new LoadReport.Run("127.0.0.1:1", 1, false, 64, 1, null, "2026-12-07T00:00:00Z", false),
                new LoadReport.ConnectionCounts(10, 10, 0),
                new LoadReport.Throughput(1, (long) messagesPerSecond, messagesPerSecond, 0, 0, List.of()),
                new LoadReport.Latency(1, 1, 1, 1, 1, 1), Map.of(), new LoadReport.Fairness(1, 1, 1, 0),
                new LoadReport.Client(0.1, "nio", "test", "localhost"), null, null);
    }

    @Test
    void aCellIsItsMedianRepetitionWithEveryRateAndANoteOnTheFailedOnes() {
        CellResult combined = PartCells.combine(List.of(measured(300), CellResult.failed(CELL, "refused"), measured(100),
                measured(200), CellResult.failed(CELL, "reset")));
        CellResult.Measured median = assertInstanceOf(CellResult.Measured.class, combined);
        assertEquals(200, median.load().throughput().messagesPerSecond());
        assertEquals(List.of(300.0, 100.0, 200.0), median.repeats(), "in run order");
        assertEquals("2 of 5 runs failed: reset", median.remarks().note());
    }

    @Test
    void anOpenLoopCellIsItsRepetitionOfMedianServerCostNotOfMedianRate() {
        CellResult combined = PartCells.combine(List.of(openLoop(1000, 30), openLoop(999, 20), openLoop(1001, 10)));
        CellResult.Measured median = assertInstanceOf(CellResult.Measured.class, combined);
        assertEquals(20, median.server().cpuMicrosPerMessage(), "by msgs/s it would be the 30 us one");
    }

    @Test
    void aCellWhoseEveryRepetitionFailedIsTheLastFailure() {
        CellResult combined = PartCells.combine(List.of(CellResult.failed(CELL, "refused"), CellResult.failed(CELL, "reset")));
        assertEquals("reset", assertInstanceOf(CellResult.Failed.class, combined).failure());
    }
}
