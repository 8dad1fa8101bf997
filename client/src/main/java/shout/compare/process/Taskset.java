package shout.compare.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.stream.Stream;
import shout.compare.plan.CpuPinning;

/**
 * Pins processes that already run, with {@code taskset -a -p -c CPUS PID}: every thread the process has now;
 * threads and processes it starts later inherit the CPUs of their parent thread. A JVM starts and ends threads
 * all the time (its JIT adds and drops compiler threads), so one thread may end while taskset walks them (taskset
 * then fails) or start from a thread not yet pinned; the pinning is therefore checked in /proc and tried again.
 */
final class Taskset {

    private static final System.Logger LOGGER = System.getLogger(Taskset.class.getName());
    private static final int ATTEMPTS = 5;

    private Taskset() {
    }

    /** Pins {@code pid} and every process below it to {@code cpus}; returns null, or why one could not be pinned. */
    static String pinTree(long pid, String cpus) throws InterruptedException {
        List<Long> tree = new ArrayList<>(List.of(pid));
        ProcessHandle.of(pid).ifPresent(process -> process.descendants().forEach(child -> tree.add(child.pid())));
        for (long each : tree) {
            String failure = pin(each, cpus);
            if (failure != null) {
                return failure;
            }
        }
        return null;
    }

    /** Pins every thread of {@code pid} to {@code cpus}; returns null, or why not (taskset's own words, or the thread left unpinned). */
    static String pin(long pid, String cpus) throws InterruptedException {
        String failure = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            failure = runTaskset(pid, cpus);
            if (failure == null) {
                failure = unpinnedThread(pid, cpus);
            }
            if (failure == null || !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                return failure;
            }
            LOGGER.log(System.Logger.Level.DEBUG, "pinning process {0}, attempt {1}: {2}", pid, attempt, failure);
        }
        return failure;
    }

    private static String runTaskset(long pid, String cpus) throws InterruptedException {
        try {
            Process taskset = new ProcessBuilder("taskset", "-a", "-p", "-c", cpus, Long.toString(pid)).redirectErrorStream(true).start();
            String said;
            try (var output = taskset.getInputStream()) {
                said = new String(output.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
            return taskset.waitFor() == 0 ? null : "taskset failed for process " + pid + ": " + said;
        } catch (IOException e) {
            return "cannot run taskset: " + e.getMessage();
        }
    }

    /** A thread of {@code pid} that /proc shows on other CPUs than {@code cpus}, or null (also when /proc cannot tell). */
    private static String unpinnedThread(long pid, String cpus) {
        BitSet wanted = CpuPinning.cpuSet(cpus);
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                String allowed = allowedCpus(task.resolve("status"));
                if (allowed != null && !CpuPinning.cpuSet(allowed).equals(wanted)) {
                    return "thread " + task.getFileName() + " of process " + pid + " still runs on CPUs " + allowed;
                }
            }
        } catch (IOException e) {
            LOGGER.log(System.Logger.Level.DEBUG, "cannot check the pinning of process {0}: {1}", pid, e.toString());
        }
        return null;
    }

    /** {@code Cpus_allowed_list} of a /proc status file; null when it cannot be read (a thread gone, no /proc). */
    static String allowedCpus(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("Cpus_allowed_list:")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }
}
