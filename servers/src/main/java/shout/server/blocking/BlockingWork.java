package shout.server.blocking;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import shout.server.Work;

/**
 * How the thread-based modes carry out {@code --work}, on the connection's own thread: a wait sleeps, a
 * sequence sleeps its waits one after the other, cpu burns, and a fan-out hands all its waits to the
 * mode's fan-out executor together and joins them, so the reply follows the longest. Marked work takes
 * the cost its chunk's first byte chooses.
 *
 * <p>Threading: immutable; every connection thread of a server calls {@link #perform} at once. The
 * executor is the server's, which shuts it down only after its connection threads have ended.
 */
final class BlockingWork {

    private final Work work;
    private final ExecutorService fanOut;

    BlockingWork(Work work, ExecutorService fanOut) {
        this.work = work;
        this.fanOut = fanOut;
    }

    /** Does the work of a chunk that starts with {@code firstByte}; an interrupt (the server closing) ends it early. */
    void perform(byte firstByte) throws InterruptedException {
        switch (work.costOf(firstByte)) {
            case Work.None none -> {
            }
            case Work.Sleep sleep -> Thread.sleep(sleep.delay());
            case Work.Cpu cpu -> cpu.burn();
            case Work.Waits waits -> {
                switch (waits.schedule()) {
                    case SEQ -> waitInTurn(waits.waits());
                    case FANOUT -> waitForAll(waits.waits());
                }
            }
        }
    }

    private static void waitInTurn(List<Duration> waits) throws InterruptedException {
        for (Duration wait : waits) {
            Thread.sleep(wait);
        }
    }

    /** Starts every wait on the fan-out executor at once and returns when the last has ended. */
    private void waitForAll(List<Duration> waits) throws InterruptedException {
        List<Callable<Void>> started = new ArrayList<>(waits.size());
        for (Duration wait : waits) {
            started.add(() -> {
                Thread.sleep(wait);
                return null;
            });
        }
        fanOut.invokeAll(started);                    // an interrupt here cancels the waits still running
    }
}
