package shout.compare.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Pins processes that already run, with {@code taskset -a -p -c CPUS PID}: every thread the process has now;
 * threads and processes it starts later inherit the CPUs of their parent thread.
 */
final class Taskset {

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

    /** Pins every thread of {@code pid} to {@code cpus}; returns null, or why not (taskset's own words). */
    static String pin(long pid, String cpus) throws InterruptedException {
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
}
