package shout.load.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import shout.load.Phase;

@Timeout(10)
class RunControlTest {

    @Test
    void anUnlimitedRunNeverSpendsItsBudget() {
        RunControl control = new RunControl(1, 1, 0);
        for (int i = 0; i < 1_000; i++) {
            assertTrue(control.tryTakeMessage(1));
        }
        assertFalse(control.budgetSpent());
    }

    @Test
    void aCountedRunHandsOutExactlyItsMessagesAcrossThreads() throws Exception {
        int messages = 10_000;
        RunControl control = new RunControl(1, 1, messages);
        List<Future<Integer>> takers = new ArrayList<>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < 4; t++) {
                takers.add(threads.submit(() -> {
                    int taken = 0;
                    while (control.tryTakeMessage(1)) {
                        taken++;
                    }
                    return taken;
                }));
            }
            int total = 0;
            for (Future<Integer> taker : takers) {
                total += taker.get(5, TimeUnit.SECONDS);
            }
            assertEquals(messages, total);
        }
        assertTrue(control.budgetSpent());
        assertFalse(control.tryTakeMessage(1));
    }

    @Test
    void connectionsSettleWhenEachHasSucceededOrFailedAndTheFirstFailureIsKept() throws InterruptedException {
        RunControl control = new RunControl(3, 1, 0);
        assertNull(control.firstConnectFailure());
        control.connectionUp();
        control.connectionFailed("connection refused");
        assertFalse(control.awaitSettled(0));
        control.connectionFailed("connect timed out");
        assertTrue(control.awaitSettled(0));
        assertEquals(1, control.connectionsUp());
        assertEquals("connection refused", control.firstConnectFailure());
    }

    @Test
    void loopsAreDoneWhenEveryLoopSaysSo() throws InterruptedException {
        RunControl control = new RunControl(2, 2, 0);
        control.loopDone();
        assertFalse(control.awaitLoopsDone(0));
        control.loopDone();
        assertTrue(control.awaitLoopsDone(0));
    }

    @Test
    void aStopRequestEndsEveryWaitOfTheCoordinatorAtOnceAndForGood() throws InterruptedException {
        RunControl control = new RunControl(3, 2, 0);
        control.connectionUp();
        assertFalse(control.stopRequested());
        assertFalse(control.awaitSettled(0));
        assertFalse(control.awaitLoopsDone(0));
        assertFalse(control.awaitStop(0));
        control.requestStop();
        control.requestStop();
        assertTrue(control.stopRequested());
        assertTrue(control.awaitSettled(0));
        assertTrue(control.awaitLoopsDone(0));
        assertTrue(control.awaitStop(0));           // the wait for --start-at
        control.loopDone();                           // a loop that finishes later changes nothing
        control.connectionUp();
        assertTrue(control.awaitLoopsDone(0));
        assertEquals(2, control.connectionsUp(), "the count of connections up is still true");
    }

    @Test
    void trafficStartsInTheFirstPhaseAtItsTime() {
        RunControl control = new RunControl(1, 1, 0);
        assertEquals(Phase.CONNECT, control.phase());
        control.startTraffic(Phase.WARMUP, 1234);
        assertEquals(Phase.WARMUP, control.phase());
        assertEquals(1234, control.trafficStartNanos());
        control.enter(Phase.MEASURE);
        assertEquals(Phase.MEASURE, control.phase());
    }

    @Test
    void theOpenLoopSpreadsConnectionsEvenlyOverOneInterval() {
        RunControl control = new RunControl(4, 1, 0);
        control.startTraffic(Phase.MEASURE, 1_000);
        OpenLoopSchedule schedule = new OpenLoopSchedule(control, 400, 4);
        assertEquals(1_000, schedule.sendNanos(0, 0));
        assertEquals(1_100, schedule.sendNanos(1, 0));
        assertEquals(1_300 + 2 * 400, schedule.sendNanos(3, 2));
    }
}
