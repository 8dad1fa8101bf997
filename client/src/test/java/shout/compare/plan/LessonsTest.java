package shout.compare.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine.TypeConversionException;
import shout.load.MessageShape;
import shout.server.Mode;

/** {@code --scenario lessons} and {@code lessons:NAME}: which lesson each name picks, and each new lesson's plan; nothing runs. */
@Timeout(5)
class LessonsTest {

    private static final CpuPinning PINNED = CpuPinning.decide(2, true, null, null);
    private static final CellSettings CELLS = new CellSettings(new MessageShape(64, 1), Scenario.WARMUP, Scenario.DURATION, 1,
            Duration.ofSeconds(3));
    private static final List<String> FOUR_MODES = List.of("blocking", "virtual", "nio", "netty");

    @ParameterizedTest
    @EnumSource(Lesson.class)
    void eachLessonNameRunsThatLessonsPartsAlone(Lesson lesson) {
        ScenarioChoice choice = new ScenarioChoice.Converter().convert("lessons:" + lesson.cliName());
        assertEquals(new ScenarioChoice(Scenario.LESSONS, lesson), choice);
        assertEquals("lessons:" + lesson.cliName(), choice.cliName());
        List<ComparePart> parts = choice.parts(CELLS, PINNED, 2, null, List.of());
        assertEquals(lesson.parts(CELLS, PINNED, 2), parts);
        assertTrue(!parts.isEmpty() && parts.size() <= 2, lesson + ": " + parts.size() + " parts");
        long seconds = parts.stream().mapToLong(p -> p.plan().estimatedDuration().toSeconds()).sum();
        assertTrue(seconds <= 3 * 60, lesson + " alone is estimated at " + seconds + " s");
    }

    @Test
    void lessonsAloneRunsEveryLessonInOrderInAboutTenMinutes() {
        ScenarioChoice all = new ScenarioChoice.Converter().convert("Lessons");
        assertNull(all.lesson());
        List<ComparePart> expected = new ArrayList<>();
        for (Lesson lesson : Lesson.values()) {
            expected.addAll(lesson.parts(CELLS, PINNED, 2));
        }
        List<ComparePart> parts = all.parts(CELLS, PINNED, 2, null, List.of());
        assertEquals(expected, parts);
        long seconds = parts.stream().mapToLong(p -> p.plan().estimatedDuration().toSeconds()).sum();
        assertTrue(seconds <= 10 * 60, "all lessons are estimated at " + seconds + " s");
        String announcement = ComparePart.announcement("--scenario lessons", parts);
        for (ComparePart part : parts) {
            String each = part.title() + " " + part.plan().cells().size() + " ~"
                    + ComparePlan.minutesAndSeconds(part.plan().estimatedDuration().toSeconds());
            assertTrue(announcement.contains(each), "each part says its estimate up front: " + each + " in " + announcement);
        }
    }

    @Test
    void anUnknownLessonIsOneLineListingTheValidOnes() {
        assertEquals("unknown lesson 'fan' (valid: io, cpu, processes, fanout, pool-size, idle, head-of-line)", mistake("lessons:fan"));
        assertEquals("'echo-grid:io': only lessons runs a part alone (lessons:NAME)", mistake("echo-grid:io"));
        assertEquals("unknown scenario 'lesson' (valid: lessons, lessons:io, lessons:cpu, lessons:processes, lessons:fanout, "
                + "lessons:pool-size, lessons:idle, lessons:head-of-line, echo-grid)", mistake("lesson"));
        List<String> names = new ArrayList<>();
        new ScenarioChoice.Names().forEach(names::add);
        assertEquals(List.of("lessons", "lessons:io", "lessons:cpu", "lessons:processes", "lessons:fanout", "lessons:pool-size",
                "lessons:idle", "lessons:head-of-line", "echo-grid"), names);
    }

    @Test
    void fanOutWaitsTenTwentyAndThirtyMillisecondsInSequenceThenFannedOutAtAThousandConnections() {
        List<ComparePart> parts = Lesson.FANOUT.parts(CELLS, PINNED, 2);
        assertEquals(List.of("seq:10ms,20ms,30ms", "fanout:10ms,20ms,30ms"), parts.stream().map(p -> p.work().work().toString()).toList());
        List<Double> ideals = new ArrayList<>();
        for (ComparePart part : parts) {
            assertEquals(FOUR_MODES, names(part));
            assertEquals(List.of(1000), part.plan().connections());
            assertEquals(PINNED, part.pinning());
            ideals.add(part.idealMessagesPerSecond(part.plan().cells().getFirst(), 2));
        }
        assertEquals(1000 / 0.060, ideals.get(0), 1e-6, "in sequence: connections / the sum of the waits");
        assertEquals(1000 / 0.030, ideals.get(1), 1e-6, "fanned out: connections / the longest wait");
    }

    @Test
    void poolSizeRunsPoolsOfOneToThousandTwentyFourThreadsAtAThousandConnections() {
        List<ComparePart> parts = Lesson.POOL_SIZE.parts(CELLS, PINNED, 2);
        assertEquals(List.of("sleep:10ms", "cpu:1ms"), parts.stream().map(p -> p.work().work().toString()).toList());
        List<Integer> threads = List.of(1, 4, 16, 64, 256, 1024);
        for (ComparePart part : parts) {
            assertEquals(threads.stream().map(n -> "pool x" + n).toList(), names(part));
            assertEquals(List.of(1000), part.plan().connections());
            for (Cell cell : part.plan().cells()) {
                Target.Server server = (Target.Server) cell.target();
                assertEquals(Mode.POOL, server.mode());
                assertEquals(List.of("--threads=" + server.poolThreads().orElseThrow()), server.args());
            }
        }
        List<Double> ioIdeals = parts.get(0).plan().cells().stream().map(c -> parts.get(0).idealMessagesPerSecond(c, 2)).toList();
        assertEquals(List.of(100.0, 400.0, 1600.0, 6400.0, 25600.0, 100000.0), rounded(ioIdeals),
                "I/O-bound: min(threads, connections) / 10 ms");
        List<Double> cpuIdeals = parts.get(1).plan().cells().stream().map(c -> parts.get(1).idealMessagesPerSecond(c, 2)).toList();
        assertEquals(List.of(1000.0, 1000.0, 1000.0, 1000.0, 1000.0, 1000.0), rounded(cpuIdeals), "CPU-bound: the server's one core / 1 ms");
    }

    @Test
    void poolThreadsAreReadOnlyFromAPoolRowsThreadsArgument() {
        assertEquals(OptionalInt.of(16), new Target.Server(Mode.POOL, "p", List.of("--threads=4", "--threads=16")).poolThreads());
        assertEquals(OptionalInt.empty(), new Target.Server(Mode.POOL).poolThreads(), "a default pool's size is the server's choice");
        assertEquals(OptionalInt.empty(), new Target.Server(Mode.NIO, "nio x2", List.of("--threads=2")).poolThreads(),
                "nio's threads are event loops, each serving many connections");
    }

    @Test
    void idleHoldsNineThousandNineHundredIdleConnectionsBesideAHundredActiveOnesInEveryMode() {
        List<ComparePart> parts = Lesson.IDLE.parts(CELLS, PINNED, 2);
        assertEquals(1, parts.size());
        ComparePart part = parts.getFirst();
        assertEquals(FOUR_MODES, names(part));
        assertEquals(List.of(100), part.plan().connections());
        assertEquals("sleep:10ms", part.work().work().toString());
        for (Cell cell : part.plan().cells()) {
            assertEquals(9_900, cell.idleConnections());
            assertEquals(100, cell.connections());
            assertEquals(10_000.0, part.idealMessagesPerSecond(cell, 2), 1e-6, "the active connections / 10 ms");
        }
        assertEquals(0, part.plan().jitWarmupCell(part.plan().targets().getFirst()).idleConnections(), "the JIT warm-up holds none");
        Duration withoutIdle = new ComparePlan(part.plan().targets(), List.of(100), CELLS).estimatedDuration();
        Duration settling = Duration.ofSeconds(3).minus(Duration.ofMillis(100)).multipliedBy(3)      // 10,000 connections settle 3 s,
                .plus(Duration.ofSeconds(3).minus(Duration.ofNanos(250_000_000)));                  // not 100 ms (250 for blocking)
        Duration opening = Duration.ofNanos(9_900L * (300_000 * 3 + 1_200_000));                   // blocking opens slower
        assertEquals(withoutIdle.plus(settling).plus(opening), part.plan().estimatedDuration());
        assertTrue(part.notes().stream().anyMatch(note -> note.contains("KiB/conn") && note.contains("idle")), part.notes().toString());
    }

    private static String mistake(String value) {
        return assertThrows(TypeConversionException.class, () -> new ScenarioChoice.Converter().convert(value)).getMessage();
    }

    private static List<String> names(ComparePart part) {
        return part.plan().targets().stream().map(Target::name).toList();
    }

    private static List<Double> rounded(List<Double> values) {
        return values.stream().map(v -> (double) Math.round(v)).toList();
    }
}
