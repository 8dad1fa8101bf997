package shout.compare.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** How a comparison's children are stopped: SIGTERM once on interrupt (exit 143), SIGKILL on close (137). */
@Timeout(30)
class LiveChildrenTest {

    private static final int BY_SIGTERM = 128 + 15;
    private static final int BY_SIGKILL = 128 + 9;

    @Test
    void interruptSendsSigtermToEveryChildAndToOnesStartedAfterIt() throws Exception {
        try (LiveChildren children = new LiveChildren()) {
            Process running = children.track(sleeper());
            assertFalse(children.interrupted());
            children.interrupt();
            assertTrue(children.interrupted());
            assertEquals(BY_SIGTERM, exitCode(running));
            Process startedLater = children.track(sleeper());
            assertEquals(BY_SIGTERM, exitCode(startedLater));
        }
    }

    @Test
    void interruptRunsTheInProcessStopsStillRegisteredAndOnesRegisteredAfterIt() {
        try (LiveChildren children = new LiveChildren()) {
            AtomicInteger stops = new AtomicInteger();
            LiveChildren.StopHook gone = children.stopsOnInterrupt(() -> stops.addAndGet(100));
            gone.close();
            children.stopsOnInterrupt(stops::incrementAndGet);
            children.interrupt();
            assertEquals(1, stops.get());
            children.stopsOnInterrupt(stops::incrementAndGet);
            assertEquals(2, stops.get(), "registered after the interrupt: stopped at once");
        }
    }

    @Test
    void closeKillsWhatStillRuns() throws Exception {
        Process running;
        try (LiveChildren children = new LiveChildren()) {
            running = children.track(sleeper());
        }
        assertEquals(BY_SIGKILL, exitCode(running));
    }

    private static Process sleeper() throws IOException {
        return new ProcessBuilder("sleep", "60").start();
    }

    private static int exitCode(Process process) throws InterruptedException {
        try {
            assertTrue(process.waitFor(10, TimeUnit.SECONDS), "still running");
            return process.exitValue();
        } finally {
            process.destroyForcibly();
        }
    }
}
