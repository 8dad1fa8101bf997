package shout.server.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import shout.server.ServerConfig;
import shout.server.Work;

/** The event-loop work policy on its own, without a socket: what each work and offload setting does and plans. */
@Timeout(10)
class WorkPolicyTest {

    /** Longer than the timeout: a policy that burnt this on the calling thread would fail the test. */
    private static final Work.Cpu NEVER_ENDING = new Work.Cpu(Duration.ofHours(1));

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void noWorkRepliesAtOnceAndNeedsNoPool(boolean offload) {
        WorkPolicy policy = policy(Work.NONE, offload);
        assertSame(WorkPlan.REPLY_NOW, policy.startWork());
        assertFalse(policy.mayOffload());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void sleepRepliesAfterItsDelayOnTheLoopsTimerEvenWithOffload(boolean offload) {
        WorkPolicy policy = policy(new Work.Sleep(Duration.ofMillis(10)), offload);
        assertEquals(new WorkPlan.ReplyAfter(10_000_000L), policy.startWork());
        assertFalse(policy.mayOffload(), "a wait holds no thread, so no pool is started for it");
    }

    @Test
    void cpuWithoutOffloadBurnsOnTheCallingThreadThenRepliesAtOnce() {
        Duration cost = Duration.ofMillis(20);
        WorkPolicy policy = policy(new Work.Cpu(cost), false);
        long started = System.nanoTime();
        assertSame(WorkPlan.REPLY_NOW, policy.startWork());
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(cost) >= 0, "burnt before the plan was returned: " + took);
        assertFalse(policy.mayOffload());
    }

    @Test
    void cpuWithOffloadIsHandedOverUnburnt() {
        WorkPolicy policy = policy(NEVER_ENDING, true);
        assertEquals(new WorkPlan.Offload(NEVER_ENDING), policy.startWork());
        assertTrue(policy.mayOffload());
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "sleep:5ms", "cpu:1ms"})
    void everyChunkGetsTheSamePlanInstanceSoNoChunkAllocatesOne(String work) {
        WorkPolicy policy = policy(Work.parse(work), true);
        assertSame(policy.startWork(), policy.startWork());
    }

    private static WorkPolicy policy(Work work, boolean offload) {
        return WorkPolicy.of(ServerConfig.builder().port(0).work(work).offload(offload).build());
    }
}
