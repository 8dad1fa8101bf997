package shout.load.engine;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import shout.load.Phase;

/**
 * What the coordinating thread and the I/O threads of one run share: the phase, the message budget
 * of a counted run, the signals that connections have settled and that the loops have run out of
 * work, and a stop request (Ctrl-C). The coordinator writes the phase; each I/O thread reads it once
 * per loop turn.
 */
final class RunControl {

    private volatile Phase phase = Phase.CONNECT;
    private volatile long trafficStartNanos;
    /** When the measured part began; {@link Long#MAX_VALUE} until it does. */
    private volatile long measureStartNanos = Long.MAX_VALUE;
    private volatile boolean stopRequested;
    private final boolean limited;
    private final AtomicLong budget;
    private final CountDownLatch settled;
    private final CountDownLatch loopsDone;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicInteger connectionsUp = new AtomicInteger();
    private final AtomicReference<String> firstConnectFailure = new AtomicReference<>();

    /** @param messages the measured messages allowed in all, or 0 for no limit */
    RunControl(int connections, int loops, long messages) {
        this.limited = messages > 0;
        this.budget = new AtomicLong(messages);
        this.settled = new CountDownLatch(connections);
        this.loopsDone = new CountDownLatch(loops);
    }

    Phase phase() {
        return phase;
    }

    /** The open loop's schedule starts here; valid once the phase is past {@link Phase#CONNECT}. */
    long trafficStartNanos() {
        return trafficStartNanos;
    }

    void startTraffic(Phase first, long nowNanos) {
        trafficStartNanos = nowNanos;
        phase = first;
    }

    /** When the measured part began, on nanoTime's clock; {@link Long#MAX_VALUE} until it does. */
    long measureStartNanos() {
        return measureStartNanos;
    }

    /**
     * The measured part begins at {@code nowNanos}: what any I/O thread sends or receives from then on counts,
     * whenever it next looks at the phase.
     */
    void startMeasuring(long nowNanos) {
        measureStartNanos = nowNanos;
    }

    void enter(Phase next) {
        phase = next;
    }

    /**
     * Takes one message from the budget if it is measured ({@code measured} 1, else 0); false when a counted run has
     * sent all it may. A run without a budget answers without looking at {@code measured}.
     */
    boolean tryTakeMessage(int measured) {
        if (!limited || measured == 0) {
            return true;
        }
        long left = budget.get();
        while (left > 0) {
            if (budget.compareAndSet(left, left - 1)) {
                return true;
            }
            left = budget.get();
        }
        return false;
    }

    /** True when a counted run has handed out every message it may send. */
    boolean budgetSpent() {
        return limited && budget.get() == 0;
    }

    void connectionUp() {
        connectionsUp.incrementAndGet();
        settled.countDown();
    }

    void connectionFailed(String reason) {
        firstConnectFailure.compareAndSet(null, reason);
        settled.countDown();
    }

    int connectionsUp() {
        return connectionsUp.get();
    }

    /** Why the first failed connect failed, or null when none did. */
    String firstConnectFailure() {
        return firstConnectFailure.get();
    }

    boolean awaitSettled(long timeoutNanos) throws InterruptedException {
        return settled.await(timeoutNanos, TimeUnit.NANOSECONDS);
    }

    /** Called once by each loop that has nothing left to do: its connections are gone or the budget is spent. */
    void loopDone() {
        loopsDone.countDown();
    }

    boolean awaitLoopsDone(long timeoutNanos) throws InterruptedException {
        return loopsDone.await(timeoutNanos, TimeUnit.NANOSECONDS);
    }

    /**
     * Asks the run to end now: the waits of the coordinator return at once, now and from then on,
     * as when the loops are done, and it reads {@link #stopRequested} to tell why. From any thread.
     */
    void requestStop() {
        stopRequested = true;
        release(settled);
        release(loopsDone);
        stopped.countDown();
    }

    /** Waits up to {@code timeoutNanos} for a stop request; true when there is one. */
    boolean awaitStop(long timeoutNanos) throws InterruptedException {
        return stopped.await(timeoutNanos, TimeUnit.NANOSECONDS);
    }

    boolean stopRequested() {
        return stopRequested;
    }

    private static void release(CountDownLatch latch) {
        while (latch.getCount() > 0) {
            latch.countDown();
        }
    }
}
