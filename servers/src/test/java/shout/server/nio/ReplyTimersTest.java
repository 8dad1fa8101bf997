package shout.server.nio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import shout.server.ServerConfig;
import shout.server.Work;
import shout.server.work.WorkPolicy;

/** The selector loop's timers on their own, with no selector: due order, the clock wrapping, and which kind a policy gets. */
class ReplyTimersTest {

    static Stream<Supplier<ReplyTimers<String>>> bothKinds() {
        return Stream.of(FifoReplyTimers::new, SortedReplyTimers::new);
    }

    /** Same delays, armed in order: what the FIFO is for, and the heap must agree. Sixty timers wrap and grow the ring. */
    @ParameterizedTest
    @MethodSource("bothKinds")
    void timersOfOneDelayFireInArmingOrderAndNotBeforeTheyAreDue(Supplier<ReplyTimers<String>> kind) {
        ReplyTimers<String> timers = kind.get();
        List<String> fired = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 20; i++) {
                timers.arm(round + "/" + i, 100L * round + i);
            }
            assertNull(timers.pollDue(100L * round - 1), "nothing is due before its time");
            drain(timers, 100L * round + 19, fired);
        }
        List<String> want = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 20; i++) {
                want.add(round + "/" + i);
            }
        }
        assertEquals(want, fired);
    }

    @Test
    void theHeapFiresTimersOfDifferentDelaysInDueOrder() {
        ReplyTimers<String> timers = new SortedReplyTimers<>();
        timers.arm("30ms", 30);
        timers.arm("10ms", 10);
        timers.arm("20ms", 20);
        assertEquals(10, timers.earliestDue(1_000));
        assertEquals(5, timers.earliestDue(5), "the caller's own deadline when it is earlier");
        List<String> fired = new ArrayList<>();
        drain(timers, 25, fired);
        assertEquals(List.of("10ms", "20ms"), fired);
        drain(timers, 30, fired);
        assertEquals(List.of("10ms", "20ms", "30ms"), fired);
        assertEquals(7, timers.earliestDue(7), "none left");
    }

    /** System.nanoTime() may wrap past Long.MAX_VALUE; due times are compared as differences, so order survives it. */
    @ParameterizedTest
    @MethodSource("bothKinds")
    void dueOrderSurvivesTheClockWrappingAround(Supplier<ReplyTimers<String>> kind) {
        ReplyTimers<String> timers = kind.get();
        long beforeWrap = Long.MAX_VALUE - 5;
        timers.arm("before", beforeWrap);
        timers.arm("after", beforeWrap + 10);             // wraps to a negative number
        assertEquals(beforeWrap, timers.earliestDue(beforeWrap + 100));
        List<String> fired = new ArrayList<>();
        drain(timers, beforeWrap + 20, fired);
        assertEquals(List.of("before", "after"), fired);
    }

    @ParameterizedTest
    @MethodSource("bothKinds")
    void clearDropsEveryTimer(Supplier<ReplyTimers<String>> kind) {
        ReplyTimers<String> timers = kind.get();
        timers.arm("a", 1);
        timers.arm("b", 2);
        timers.clear();
        assertNull(timers.pollDue(10));
    }

    @Test
    void aPolicyWhoseDelaysAreAllTheSameGetsTheFifoAndAnyOtherTheHeap() {
        assertInstanceOf(FifoReplyTimers.class, ReplyTimers.forPolicy(policy("sleep:10ms")));
        assertInstanceOf(FifoReplyTimers.class, ReplyTimers.forPolicy(policy("seq:10ms,20ms")));
        assertInstanceOf(SortedReplyTimers.class, ReplyTimers.forPolicy(policy("fanout:10ms,20ms")));
        assertInstanceOf(SortedReplyTimers.class, ReplyTimers.forPolicy(policy("marked:sleep:20ms/sleep:1ms")));
    }

    private static void drain(ReplyTimers<String> timers, long now, List<String> fired) {
        for (String due; (due = timers.pollDue(now)) != null; ) {
            fired.add(due);
        }
    }

    private static WorkPolicy policy(String work) {
        return WorkPolicy.of(ServerConfig.builder().port(0).work(Work.parse(work)).build());
    }
}
