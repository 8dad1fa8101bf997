package shout.server.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import shout.cli.Marker;
import shout.server.ServerConfig;
import shout.server.Work;

/** The event-loop work policy on its own, without a socket: what each work and offload setting does and plans. */
@Timeout(10)
class WorkPolicyTest {

    /** Longer than the timeout: a policy that burnt this on the calling thread would fail the test. */
    private static final Work.Cpu NEVER_ENDING = new Work.Cpu(Duration.ofHours(1));
    /** The first byte of an ordinary chunk, which the load client's letters start with. */
    private static final byte UNMARKED = 'a';
    private static final byte MARKED = Marker.BYTE;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void noWorkRepliesAtOnceAndNeedsNoPool(boolean offload) {
        WorkPolicy policy = policy(Work.NONE, offload);
        assertSame(WorkPlan.REPLY_NOW, policy.startWork(UNMARKED));
        assertFalse(policy.mayOffload());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void sleepRepliesAfterItsDelayOnTheLoopsTimerEvenWithOffload(boolean offload) {
        WorkPolicy policy = policy(new Work.Sleep(Duration.ofMillis(10)), offload);
        assertEquals(new WorkPlan.ReplyAfter(10_000_000L), policy.startWork(UNMARKED));
        assertFalse(policy.mayOffload(), "a wait holds no thread, so no pool is started for it");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aSequenceIsOneTimerForTheSumOfItsWaits(boolean offload) {
        WorkPolicy policy = policy(Work.parse("seq:10ms,20ms,30ms"), offload);
        assertEquals(new WorkPlan.ReplyAfter(60_000_000L), policy.startWork(UNMARKED));
        assertFalse(policy.mayOffload());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aFanOutArmsOneTimerPerWaitAllAtOnce(boolean offload) {
        WorkPolicy policy = policy(Work.parse("fanout:10ms,30ms,20ms"), offload);
        assertEquals(new WorkPlan.ReplyAfterAll(List.of(10_000_000L, 30_000_000L, 20_000_000L)), policy.startWork(UNMARKED));
        assertFalse(policy.mayOffload());
    }

    @Test
    void cpuWithoutOffloadBurnsOnTheCallingThreadThenRepliesAtOnce() {
        Duration cost = Duration.ofMillis(20);
        WorkPolicy policy = policy(new Work.Cpu(cost), false);
        assertBurnsThenRepliesAtOnce(policy, UNMARKED, cost);
        assertFalse(policy.mayOffload());
    }

    @Test
    void cpuWithOffloadIsHandedOverUnburnt() {
        WorkPolicy policy = policy(NEVER_ENDING, true);
        assertEquals(new WorkPlan.Offload(NEVER_ENDING), policy.startWork(UNMARKED));
        assertTrue(policy.mayOffload());
    }

    @Test
    void markedWorkPlansAMarkedChunkByItsMarkedCostAndAnyOtherByItsUnmarkedCost() {
        WorkPolicy policy = policy(new Work.Marked(NEVER_ENDING, new Work.Sleep(Duration.ofMillis(1))), true);
        assertEquals(new WorkPlan.Offload(NEVER_ENDING), policy.startWork(MARKED));
        assertEquals(new WorkPlan.ReplyAfter(1_000_000L), policy.startWork(UNMARKED));
        assertTrue(policy.mayOffload(), "a pool for the marked chunks");
    }

    @Test
    void markedCpuWithoutOffloadBurnsOnlyForTheMarkedChunk() {
        Duration cost = Duration.ofMillis(20);
        WorkPolicy policy = policy(Work.parse("marked:cpu:20ms"), false);
        assertBurnsThenRepliesAtOnce(policy, MARKED, cost);
        WorkPolicy neverEnding = policy(new Work.Marked(NEVER_ENDING, Work.NONE), false);
        assertSame(WorkPlan.REPLY_NOW, neverEnding.startWork(UNMARKED), "an unmarked chunk burns nothing");
        assertFalse(neverEnding.mayOffload());
    }

    @Test
    void workThatIsNotMarkedIgnoresTheMarker() {
        WorkPolicy policy = policy(Work.parse("sleep:5ms"), false);
        assertSame(policy.startWork(UNMARKED), policy.startWork(MARKED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "sleep:5ms", "cpu:1ms", "seq:1ms,2ms", "fanout:1ms,2ms", "marked:cpu:1ms/sleep:1ms"})
    void everyChunkGetsTheSamePlanInstanceSoNoChunkAllocatesOne(String work) {
        WorkPolicy policy = policy(Work.parse(work), true);
        assertSame(policy.startWork(UNMARKED), policy.startWork(UNMARKED));
        assertSame(policy.startWork(MARKED), policy.startWork(MARKED));
    }

    /** A FIFO of timers is in due order only while every timer has the same delay. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            none                            | true
            cpu:1ms                         | true
            sleep:5ms                       | true
            seq:1ms,2ms                     | true
            fanout:2ms,2ms                  | true
            marked:cpu:1ms                  | true
            marked:sleep:5ms                | true
            marked:sleep:5ms/sleep:5ms      | true
            marked:cpu:1ms/fanout:3ms,3ms   | true
            fanout:1ms,2ms                  | false
            marked:sleep:5ms/sleep:1ms      | false
            marked:fanout:1ms,2ms           | false
            """)
    void timersAreDueInArmingOrderOnlyWhenEveryDelayIsTheSame(String work, boolean inOrder) {
        assertEquals(inOrder, policy(Work.parse(work), false).timersDueInArmingOrder());
    }

    private static void assertBurnsThenRepliesAtOnce(WorkPolicy policy, byte firstByte, Duration cost) {
        long started = System.nanoTime();
        assertSame(WorkPlan.REPLY_NOW, policy.startWork(firstByte));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(cost) >= 0, "burnt before the plan was returned: " + took);
    }

    private static WorkPolicy policy(Work work, boolean offload) {
        return WorkPolicy.of(ServerConfig.builder().port(0).work(work).offload(offload).build());
    }
}
