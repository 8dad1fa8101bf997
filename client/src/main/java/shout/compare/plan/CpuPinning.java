package shout.compare.plan;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Which CPUs the servers and the load client are pinned to with {@code taskset}, so that on a small machine
 * they do not steal each other's cores. Null CPU lists mean "not pinned", and {@code description} says why.
 *
 * @param serverCpus  taskset CPU list for servers, or null
 * @param clientCpus  taskset CPU list for the load client, or null
 * @param description one line for the report: what was pinned, or why nothing was
 */
public record CpuPinning(String serverCpus, String clientCpus, String description) {

    /**
     * Pins when the machine has at least two cores and {@code taskset} is on the PATH. Defaults: servers on
     * CPU 0, the client on CPUs 1..n-1; the requested lists win when given.
     */
    static CpuPinning decide(int cores, boolean tasksetOnPath, String requestedServerCpus, String requestedClientCpus) {
        if (cores < 2) {
            return new CpuPinning(null, null, "not pinned: only " + cores + " core");
        }
        if (!tasksetOnPath) {
            return new CpuPinning(null, null, "not pinned: taskset not found on the PATH");
        }
        String server = requestedServerCpus != null ? requestedServerCpus : "0";
        String client = requestedClientCpus != null ? requestedClientCpus : (cores == 2 ? "1" : "1-" + (cores - 1));
        return new CpuPinning(server, client, "server on CPU " + server + ", load client on CPU " + client + " (taskset)");
    }

    /** Decides for this machine. */
    public static CpuPinning forThisMachine(String requestedServerCpus, String requestedClientCpus) {
        return decide(Runtime.getRuntime().availableProcessors(), onPath("taskset"), requestedServerCpus, requestedClientCpus);
    }

    /** One line when a requested CPU list is not a taskset list of numbers and ranges ({@code 0}, {@code 1-3}, {@code 0,2}), else null. */
    public static String listMistake(String requestedServerCpus, String requestedClientCpus) {
        for (String cpus : Arrays.asList(requestedServerCpus, requestedClientCpus)) {
            if (cpus != null && !cpus.matches("\\d+(-\\d+)?(,\\d+(-\\d+)?)*")) {
                return "'" + cpus + "' is not a CPU list such as 0, 1-3 or 0,2";
            }
        }
        return null;
    }

    /** Nothing pinned on purpose: servers and the load client share every CPU, and {@code why} says so. */
    static CpuPinning shared(String why) {
        return new CpuPinning(null, null, why);
    }

    /** How many CPUs a server may use: those in its taskset list, or all {@code machineCores} when not pinned. */
    public int serverCpuCount(int machineCores) {
        return count(serverCpus, machineCores);
    }

    /** How many CPUs the load client may use: those in its taskset list, or all {@code machineCores} when not pinned. */
    public int clientCpuCount(int machineCores) {
        return count(clientCpus, machineCores);
    }

    private static int count(String cpus, int machineCores) {
        return cpus == null ? machineCores : cpuSet(cpus).cardinality();
    }

    /** The CPUs of a taskset or /proc list such as {@code 0}, {@code 1-3} or {@code 0,2-3}. */
    public static BitSet cpuSet(String list) {
        BitSet set = new BitSet();
        for (String range : list.split(",")) {
            String[] ends = range.strip().split("-");
            int from = Integer.parseInt(ends[0].strip());
            set.set(from, (ends.length == 1 ? from : Integer.parseInt(ends[1].strip())) + 1);
        }
        return set;
    }

    /** How many CPUs the servers are pinned to, 0 when they are not: a server JVM sizes itself for this many. */
    public int pinnedServerCpuCount() {
        return count(serverCpus, 0);
    }

    /** The command prefix that pins the load client, empty when not pinned. */
    public List<String> clientPrefix() {
        return prefix(clientCpus);
    }

    private static List<String> prefix(String cpus) {
        return cpus == null ? List.of() : List.of("taskset", "-c", cpus);
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Arrays.stream(path.split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, program))
                .anyMatch(Files::isExecutable);
    }
}
