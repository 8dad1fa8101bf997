package shout.compare.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import shout.load.MarkShare;
import shout.load.MessageShape;

class HeadOfLineLessonTest {

    private static final CpuPinning PINNED = CpuPinning.decide(2, true, null, null);

    private static ComparePart part(MessageShape shape) {
        return HeadOfLineLesson.part(new CellSettings(shape, Scenario.WARMUP, Scenario.DURATION, 1, Duration.ofSeconds(3)), PINNED, 2);
    }

    @Test
    void oneMessageInAHundredBurns20msOnEveryCpuModeWithAndWithoutOffloadAtAThousandConnections() {
        ComparePart part = part(new MessageShape(64, 1));
        assertEquals("head-of-line blocking", part.title());
        assertEquals("marked:cpu:20ms", part.work().work().toString());
        assertEquals(List.of("blocking", "virtual", "nio", "netty", "nio-offload", "netty-offload"),
                part.plan().targets().stream().map(Target::name).toList());
        assertEquals(List.of(1000), part.plan().connections());
        for (Cell cell : part.plan().cells()) {
            assertEquals(MarkShare.parse("1%"), cell.shape().mark());
            assertEquals(2000.0, cell.offeredMessagesPerSecond(), "an open loop at 2,000 msgs/s for the one server CPU");
            assertNull(part.idealMessagesPerSecond(cell, 2), "marked work has no closed-form ideal");
        }
        assertTrue(part.plan().estimatedDuration().toSeconds() <= 90, "one of several lessons: " + part.plan().estimatedDuration());
    }

    @Test
    void itsMessagesKeepTheSizeAskedForButRunWithPipelineOneWhichMarksNeed() {
        MessageShape shape = part(new MessageShape(128, 8)).plan().settings().shape();
        assertEquals(new MessageShape(128, 1, MarkShare.parse("1%")), shape);
    }

    @Test
    void theRateGrowsWithTheServerCpusSoThatTheExpensiveMessagesKeepThemAsBusy() {
        CpuPinning shared = CpuPinning.shared("all");
        ComparePart part = HeadOfLineLesson.part(new CellSettings(new MessageShape(64, 1), Scenario.WARMUP, Scenario.DURATION),
                shared, 4);
        assertEquals(List.of(8000.0), part.plan().offeredRates());
    }
}
