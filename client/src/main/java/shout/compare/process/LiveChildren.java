package shout.compare.process;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every child process a comparison has running, and the in-process load under way. A JVM shutdown hook and
 * {@link #close()} kill whatever is still alive, with its own children, so no server or load client outlives the
 * harness. {@link #interrupt()} (the first Ctrl-C or SIGTERM) asks each child to stop with SIGTERM instead, once,
 * as a part's normal end does, and stops an in-process load. Thread-safe: a signal handler's thread interrupts
 * while the run's thread starts and stops children.
 */
public final class LiveChildren implements AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(LiveChildren.class.getName());

    private final Set<Process> processes = ConcurrentHashMap.newKeySet();
    private final Set<Process> terminated = ConcurrentHashMap.newKeySet();
    private final Set<Runnable> inProcessStops = ConcurrentHashMap.newKeySet();
    private final Thread shutdownHook = Thread.ofPlatform().name("compare-kill-children").unstarted(this::killAll);
    private volatile boolean interrupted;

    public LiveChildren() {
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Tracks {@code process} until it exits; returns it. One started after {@link #interrupt()} is told to stop at once. */
    Process track(Process process) {
        processes.add(process);
        process.onExit().thenRun(() -> processes.remove(process));
        if (interrupted) {
            terminate(process);
        }
        return process;
    }

    /**
     * Runs {@code stop} on {@link #interrupt()} until the returned handle is closed: how an in-process load (the
     * load client in compare's own JVM) is stopped with the children. Runs it at once when already interrupted.
     */
    StopHook stopsOnInterrupt(Runnable stop) {
        inProcessStops.add(stop);
        if (interrupted) {
            stop.run();
        }
        return () -> inProcessStops.remove(stop);
    }

    /**
     * Sends SIGTERM to every child, and to any started from now on, and stops the in-process load under way:
     * the run is being stopped. Idempotent.
     */
    public void interrupt() {
        interrupted = true;
        processes.forEach(this::terminate);
        inProcessStops.forEach(Runnable::run);
    }

    /** True once {@link #interrupt()} was called: the cell under way did not end as planned. */
    public boolean interrupted() {
        return interrupted;
    }

    /**
     * Sends SIGTERM to {@code process} unless it already had one: a second would make a server close at once
     * instead of gracefully. Through its handle, so the pipes stay open and their readers see a plain end.
     */
    void terminate(Process process) {
        if (terminated.add(process)) {
            process.toHandle().destroy();
        }
    }

    /**
     * Kills {@code process} and its descendants at once (SIGKILL) and waits for it. Through its handle, so the
     * pipes stay open and their readers see a plain end of stream.
     */
    static void kill(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.toHandle().destroyForcibly();
        process.waitFor();
    }

    /** Kills every child still alive, with its descendants, without waiting (a second signal, or the JVM exiting). */
    public void killAll() {
        for (Process process : processes.stream().filter(Process::isAlive).toList()) {
            LOGGER.log(System.Logger.Level.WARNING, "killing child process {0}", process.pid());
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    /** A registered in-process stop; closing it unregisters it. */
    @FunctionalInterface
    interface StopHook extends AutoCloseable {
        @Override
        void close();
    }

    /** Kills what is still running and removes the shutdown hook. */
    @Override
    public void close() {
        killAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shutdownInProgress) {
            LOGGER.log(System.Logger.Level.DEBUG, "JVM already shutting down; the hook does the killing");
        }
    }
}
