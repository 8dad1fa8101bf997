package shout.compare.process;

import java.nio.file.Path;

/**
 * The CPUs every thread of this JVM may run on, set with {@code taskset -a -p -c CPUS PID}: compare pins itself
 * to the client CPUs so that its in-process load client stays off the servers' CPUs. Threads started later
 * inherit the affinity of the thread that starts them; child processes started with their own {@code taskset -c}
 * prefix are not affected. One thread (the run's) calls it.
 */
public final class JvmAffinity {

    private static final System.Logger LOGGER = System.getLogger(JvmAffinity.class.getName());

    private final String original;
    private String current;

    private JvmAffinity(String original) {
        this.original = original;
        this.current = original;
    }

    /** This JVM's affinity now ({@code Cpus_allowed_list} of {@code /proc/self/status}), to come back to; null when unknown. */
    public static JvmAffinity current() {
        return new JvmAffinity(Taskset.allowedCpus(Path.of("/proc/self/status")));
    }

    /** Pins every thread of this JVM to {@code cpus} (a taskset list), or back to the original affinity when null. */
    public void pin(String cpus) throws InterruptedException {
        String wanted = cpus != null ? cpus : original;
        if (wanted == null || wanted.equals(current)) {
            return;
        }
        String failure = Taskset.pin(ProcessHandle.current().pid(), wanted);
        if (failure == null) {
            current = wanted;
        } else {
            LOGGER.log(System.Logger.Level.WARNING, "cannot pin compare to CPUs {0}: {1}", wanted, failure);
        }
    }

    /** Back to the affinity {@link #current()} found. */
    public void restore() throws InterruptedException {
        pin(null);
    }
}
