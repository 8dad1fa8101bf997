package shout.server.work;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import shout.server.Mode;
import shout.server.support.Lifecycle;

/**
 * The threads that {@link WorkPlan.Offload offloaded} work runs on, for one event-loop server: a fixed
 * pool of platform threads (the server's {@code threads}) named {@code echo-MODE-offload-N}, started only when the
 * {@link WorkPolicy} may offload, so both loops follow one rule, and all at once, so the first offloaded
 * chunks wait for no thread start. A task burns the cost and hands the reply back to its loop; it never
 * touches a connection's state itself.
 *
 * <p>Threading: {@link #execute} is called by the loops, {@link #close} once by the owning server's
 * close, which returns only after every pool thread has ended.
 */
public final class OffloadPool implements Executor, AutoCloseable {

    private final ThreadPoolExecutor threads;       // null when the policy never offloads
    private final Queue<Thread> started = new ConcurrentLinkedQueue<>();

    private OffloadPool(WorkPolicy policy, Mode mode, int threadCount) {
        if (policy.mayOffload()) {
            threads = new ThreadPoolExecutor(threadCount, threadCount, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                    recording(Thread.ofPlatform().name(threadPrefix(mode), 0).factory()));
            threads.prestartAllCoreThreads();
        } else {
            threads = null;
        }
    }

    /** The pool for a server of {@code mode} under {@code policy}: {@code threadCount} threads, or none when nothing is offloaded. */
    public static OffloadPool start(WorkPolicy policy, Mode mode, int threadCount) {
        return new OffloadPool(policy, mode, threadCount);
    }

    /** How the pool's threads of {@code mode} are named, before their number: {@code echo-nio-offload-}. */
    public static String threadPrefix(Mode mode) {
        return "echo-" + mode.cliName() + "-offload-";
    }

    /** Runs the task on a pool thread; rejected once closed, or always where the policy offloads nothing. */
    @Override
    public void execute(Runnable task) {
        if (threads == null) {
            throw new RejectedExecutionException("this server's work policy offloads nothing");
        }
        threads.execute(task);
    }

    /**
     * Drops queued tasks (their connections are closing), waits for the running ones and joins every
     * pool thread; safe to call twice.
     */
    @Override
    public void close() {
        if (threads != null) {
            threads.shutdownNow();
            threads.close();
            started.forEach(Lifecycle::join);
        }
    }

    /** A pool reports termination just before its threads exit; remembering them lets close() join them. */
    private ThreadFactory recording(ThreadFactory named) {
        return task -> {
            Thread thread = named.newThread(task);
            started.add(thread);
            return thread;
        };
    }
}
