package shout.server.blocking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import shout.cli.Marker;
import shout.server.Work;

/** How a connection's thread carries out each kind of work, without a socket; the executor is the test's. */
@Timeout(10)
class BlockingWorkTest {

    private static final byte UNMARKED = 'a';

    /**
     * The executor runs nothing until it holds every wait of the fan-out: a thread that joined each wait
     * before starting the next would wait here for ever and fail on the timeout.
     */
    @Test
    void aFanOutStartsEveryWaitTogetherAndReturnsOnceAllHaveEnded() throws Exception {
        try (var executor = new GatedExecutor(3)) {
            long started = System.nanoTime();
            new BlockingWork(Work.parse("fanout:30ms,10ms,20ms"), executor).perform(UNMARKED);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertEquals(3, executor.started.get());
            assertTrue(took.compareTo(Duration.ofMillis(30)) >= 0, "returned after the longest wait: " + took);
        }
    }

    @Test
    void aSequenceWaitsItsSumOnTheConnectionsOwnThread() throws Exception {
        try (var executor = new GatedExecutor(1)) {
            long started = System.nanoTime();
            new BlockingWork(Work.parse("seq:20ms,30ms"), executor).perform(UNMARKED);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(took.compareTo(Duration.ofMillis(50)) >= 0, "waited the sum: " + took);
            assertEquals(0, executor.submitted.get(), "a sequence hands nothing over");
        }
    }

    @Test
    void markedWorkFansOutOnlyForTheMarkedChunk() throws Exception {
        try (var executor = new GatedExecutor(2)) {
            BlockingWork work = new BlockingWork(Work.parse("marked:fanout:1ms,2ms/sleep:1ms"), executor);
            work.perform(UNMARKED);
            assertEquals(0, executor.submitted.get());
            work.perform(Marker.BYTE);
            assertEquals(2, executor.started.get());
        }
    }

    /** Holds the tasks it is given until it has {@code gate} of them, then runs them all at once, each on its own thread. */
    private static final class GatedExecutor extends AbstractExecutorService {
        private final int gate;
        private final List<Runnable> held = new ArrayList<>();
        private final List<Thread> threads = new ArrayList<>();
        final AtomicInteger submitted = new AtomicInteger();
        final AtomicInteger started = new AtomicInteger();

        GatedExecutor(int gate) {
            this.gate = gate;
        }

        @Override
        public synchronized void execute(Runnable task) {
            submitted.incrementAndGet();
            held.add(() -> {
                started.incrementAndGet();
                task.run();
            });
            if (held.size() == gate) {
                held.forEach(run -> threads.add(Thread.ofPlatform().name("test-wait-", threads.size()).start(run)));
                held.clear();
            }
        }

        @Override
        public synchronized void close() {
            threads.forEach(thread -> assertTrue(joined(thread), thread + " ended"));
        }

        private static boolean joined(Thread thread) {
            try {
                return thread.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        @Override
        public void shutdown() {
        }

        @Override
        public List<Runnable> shutdownNow() {
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public boolean isTerminated() {
            return false;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }
}
