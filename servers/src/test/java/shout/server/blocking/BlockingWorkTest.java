package shout.server.blocking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import shout.cli.Marker;
import shout.server.Work;

/** How a connection's thread carries out each kind of work, without a socket; the fan-out executor is the test's. */
@Timeout(10)
class BlockingWorkTest {

    private static final byte UNMARKED = 'a';

    /**
     * A fan-out hands every wait over and returns after the longest; a sequence waits the sum on its own
     * thread. The executor runs no wait until it holds as many as the fan-out has: a thread that joined
     * each wait before starting the next would wait for ever and fail on the timeout.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            fanout:30ms,10ms,20ms | 3 | 30
            seq:20ms,30ms         | 0 | 50
            """)
    void aChunkWaitsAsItsWorkSaysAndHandsOverOnlyAFanOut(String work, int handedOver, long atLeastMillis) throws Exception {
        try (var executor = new GatedExecutor(handedOver)) {
            long started = System.nanoTime();
            new BlockingWork(Work.parse(work), executor).perform(UNMARKED);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertEquals(handedOver, executor.submitted.get());
            assertTrue(took.compareTo(Duration.ofMillis(atLeastMillis)) >= 0, work + " returned after " + took);
        }
    }

    @Test
    void markedWorkFansOutOnlyForTheMarkedChunk() throws Exception {
        try (var executor = new GatedExecutor(2)) {
            BlockingWork work = new BlockingWork(Work.parse("marked:fanout:1ms,2ms/sleep:1ms"), executor);
            work.perform(UNMARKED);
            assertEquals(0, executor.submitted.get());
            work.perform(Marker.BYTE);
            assertEquals(2, executor.submitted.get());
        }
    }

    /** A pool with a thread for every task, none of which runs its task before {@code gate} tasks have come. */
    private static final class GatedExecutor extends ThreadPoolExecutor {
        private final CountDownLatch gate;
        final AtomicInteger submitted = new AtomicInteger();

        GatedExecutor(int gate) {
            super(0, Integer.MAX_VALUE, 1, TimeUnit.SECONDS, new SynchronousQueue<>());
            this.gate = new CountDownLatch(gate);
        }

        @Override
        public void execute(Runnable task) {
            submitted.incrementAndGet();
            gate.countDown();
            super.execute(task);
        }

        @Override
        protected void beforeExecute(Thread thread, Runnable task) {
            try {
                gate.await();
            } catch (InterruptedException e) {
                thread.interrupt();                   // the task then sees it, and the pool is closing anyway
            }
        }
    }
}
