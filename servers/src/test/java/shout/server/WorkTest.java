package shout.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import shout.cli.Marker;

/** The {@code --work} grammar: what each kind reads and writes back, and every spec it refuses, with the reason. */
class WorkTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            none                                | none
            sleep:10ms                          | sleep:10ms
            CPU:200us                           | cpu:200us
            seq:10ms,20ms,30ms                  | seq:10ms,20ms,30ms
            ' Seq:10ms , 0.02s,30ms '           | seq:10ms,20ms,30ms
            fanout:10ms,20ms,30ms               | fanout:10ms,20ms,30ms
            fanout:10ms                         | fanout:10ms
            marked:cpu:20ms                     | marked:cpu:20ms
            marked:cpu:20ms/none                | marked:cpu:20ms
            marked:cpu:20ms/sleep:1ms           | marked:cpu:20ms/sleep:1ms
            marked:fanout:1ms,2ms/seq:1ms,1ms   | marked:fanout:1ms,2ms/seq:1ms,1ms
            """)
    void everyKindReadsAndWritesBackOneCanonicalSpelling(String spec, String canonical) {
        Work work = Work.parse(spec);
        assertEquals(canonical, work.toString());
        assertEquals(work, Work.parse(work.toString()), "what toString writes parses back to the same work");
    }

    /** Each refusal names the spec and says what is wrong, on one line. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            nap:3                              | unknown kind 'nap'
            mix:1%cpu:20ms                     | unknown kind 'mix'
            ''                                 | a work is missing
            none:1                             | none takes no argument
            sleep                              | sleep needs an argument, e.g. sleep:10ms
            sleep:                             | sleep needs an argument
            cpu:fast                           | 'fast' is not a duration
            sleep:10ms,20ms                    | '10ms,20ms' is not a duration
            seq:                               | seq needs an argument
            seq:10ms,,20ms                     | an empty wait in '10ms,,20ms'
            seq:10ms,                          | an empty wait
            fanout:10ms,x                      | 'x' is not a duration
            fanout:1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17 | fanout takes at most 16 waits, not 17
            marked                             | marked needs an argument, e.g. marked:cpu:20ms
            marked:                            | marked needs an argument
            marked:1%cpu:20ms                  | marked takes no share
            marked:cpu:20ms/none/none          | marked takes at most two costs
            marked:/none                       | a work is missing
            marked:marked:cpu:1ms              | the costs of marked work cannot be marked work themselves
            marked:cpu:1ms/marked:none         | the costs of marked work cannot be marked work themselves
            """)
    void refusesABadSpecWithItsReason(String spec, String reason) {
        var refused = assertThrows(IllegalArgumentException.class, () -> Work.parse(spec));
        String message = refused.getMessage();
        assertTrue(message.startsWith("work '" + spec.trim() + "': "), message);
        assertTrue(message.contains(reason), message);
        assertFalse(message.contains("\n"), message);
    }

    @Test
    void anUnknownKindListsTheKinds() {
        var refused = assertThrows(IllegalArgumentException.class, () -> Work.parse("nap:3"));
        assertTrue(refused.getMessage().endsWith(Work.SYNTAX), refused.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Work.Waits.Schedule.class)
    void aListOfWaitsCannotBeEmptyEvenWhenBuiltInCode(Work.Waits.Schedule schedule) {
        assertThrows(IllegalArgumentException.class, () -> new Work.Waits(schedule, List.of()));
    }

    @Test
    void aSequenceWaitsTheSumAndAFanOutTheLongest() {
        assertEquals(Duration.ofMillis(60), ((Work.Waits) Work.parse("seq:10ms,20ms,30ms")).elapsed());
        assertEquals(Duration.ofMillis(30), ((Work.Waits) Work.parse("fanout:10ms,30ms,20ms")).elapsed());
    }

    @Test
    void markedWorkCostsTheMarkedCostOnlyForAChunkThatStartsWithTheMarker() {
        Work work = Work.parse("marked:cpu:20ms/sleep:1ms");
        assertEquals(new Work.Cpu(Duration.ofMillis(20)), work.costOf(Marker.BYTE));
        assertEquals(new Work.Sleep(Duration.ofMillis(1)), work.costOf((byte) 'a'));
        assertEquals(new Work.Sleep(Duration.ofMillis(1)), work.costOf((byte) 'A'), "only the marker marks");
    }

    @Test
    void workThatIsNotMarkedCostsItselfWhateverTheFirstByte() {
        Work work = Work.parse("fanout:1ms,2ms");
        assertSame(work, work.costOf(Marker.BYTE));
        assertSame(work, work.costOf((byte) 'a'));
    }
}
