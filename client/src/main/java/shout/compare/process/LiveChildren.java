package shout.compare.process;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every child process a comparison has running. A JVM shutdown hook (Ctrl-C) and {@link #close()} kill
 * whatever is still alive, with its own children, so no server or load client outlives the harness.
 */
public final class LiveChildren implements AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(LiveChildren.class.getName());

    private final Set<Process> processes = ConcurrentHashMap.newKeySet();
    private final Thread shutdownHook = Thread.ofPlatform().name("compare-kill-children").unstarted(this::killAll);

    public LiveChildren() {
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Tracks {@code process} until it exits; returns it. */
    Process track(Process process) {
        processes.add(process);
        process.onExit().thenRun(() -> processes.remove(process));
        return process;
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

    private void killAll() {
        for (Process process : processes.stream().filter(Process::isAlive).toList()) {
            LOGGER.log(System.Logger.Level.WARNING, "killing child process {0}", process.pid());
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
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
