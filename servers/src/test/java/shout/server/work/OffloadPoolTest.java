package shout.server.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import shout.server.Mode;
import shout.server.ServerConfig;
import shout.server.Work;

/** The offload pool on its own: started by the policy's one rule, named by mode, joined by close. */
@Timeout(10)
class OffloadPoolTest {

    @Test
    void aPolicyThatOffloadsGetsItsNamedThreadsAtOnceAndCloseJoinsThem() throws Exception {
        WorkPolicy policy = WorkPolicy.of(config("cpu:1ms", true));
        String prefix = OffloadPool.threadPrefix(Mode.NIO);
        assertEquals("echo-nio-offload-", prefix);
        try (OffloadPool pool = OffloadPool.start(policy, Mode.NIO, 2)) {
            assertEquals(List.of(prefix + 0, prefix + 1), threadsNamed(prefix));
            CompletableFuture<String> ranOn = new CompletableFuture<>();
            pool.execute(() -> ranOn.complete(Thread.currentThread().getName()));
            assertTrue(ranOn.get(5, TimeUnit.SECONDS).startsWith(prefix), ranOn.get());
            pool.close();
            assertEquals(List.of(), threadsNamed(prefix), "close() returned after every pool thread ended");
            assertThrows(RejectedExecutionException.class, () -> pool.execute(() -> { }));
        }                                               // a second close is a no-op
    }

    @Test
    void aPolicyThatNeverOffloadsStartsNoThreadAndRefusesWork() {
        WorkPolicy policy = WorkPolicy.of(config("sleep:1ms", true));
        try (OffloadPool pool = OffloadPool.start(policy, Mode.NETTY, 2)) {
            RejectedExecutionException e = assertThrows(RejectedExecutionException.class, () -> pool.execute(() -> { }));
            assertEquals("this server's work policy offloads nothing", e.getMessage());
            assertEquals(List.of(), threadsNamed(OffloadPool.threadPrefix(Mode.NETTY)));
        }
    }

    private static ServerConfig config(String work, boolean offload) {
        return ServerConfig.builder().port(0).work(Work.parse(work)).offload(offload).build();
    }

    private static List<String> threadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive).map(Thread::getName).filter(name -> name.startsWith(prefix)).sorted().toList();
    }
}
