package shout.server.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import shout.server.ServerConfig;
import shout.server.Work;

/** The event-loop work policy on its own: which plan each work and offload setting gives, without a socket. */
class WorkPolicyTest {

    private static final Work.Cpu CPU = new Work.Cpu(Duration.ofMillis(2));

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void noWorkRepliesAtOnceWithOneSharedPlanAndNeedsNoPool(boolean offload) {
        WorkPolicy policy = policy(Work.NONE, offload);
        assertSame(WorkPlan.REPLY_NOW, policy.planForChunk());
        assertFalse(policy.mayOffload());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void sleepRepliesAfterItsDelayOnTheLoopsTimerEvenWithOffload(boolean offload) {
        WorkPolicy policy = policy(new Work.Sleep(Duration.ofMillis(10)), offload);
        assertEquals(new WorkPlan.ReplyAfter(10_000_000L), policy.planForChunk());
        assertFalse(policy.mayOffload(), "a wait holds no thread, so no pool is started for it");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void cpuBurnsOnTheLoopUnlessOffloaded(boolean offload) {
        WorkPolicy policy = policy(CPU, offload);
        WorkPlan expected = offload ? new WorkPlan.Offload(CPU) : new WorkPlan.BurnInline(CPU);
        assertEquals(expected, policy.planForChunk());
        assertEquals(offload, policy.mayOffload());
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "sleep:5ms", "cpu:1ms"})
    void everyChunkGetsTheSamePlanInstanceSoNoChunkAllocatesOne(String work) {
        WorkPolicy policy = policy(Work.parse(work), true);
        assertSame(policy.planForChunk(), policy.planForChunk());
    }

    private static WorkPolicy policy(Work work, boolean offload) {
        return WorkPolicy.of(ServerConfig.builder().port(0).work(work).offload(offload).build());
    }
}
