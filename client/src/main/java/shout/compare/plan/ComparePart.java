package shout.compare.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * One section of a comparison: a plan run with one server work and one pinning, reported as its own table
 * and charts. An ordinary {@code shout compare} is one part without a title; a scenario has several.
 *
 * @param title      the section heading, or null for a comparison of one part
 * @param notes      sentences the report prints under the heading (what this part shows, what is unusual)
 * @param plan       targets, connection counts and cell settings
 * @param work       what every server of this part does per chunk
 * @param extraArgs  further arguments every server gets ({@code --server-arg})
 * @param pinning    which CPUs the servers and the load client use
 */
public record ComparePart(String title, List<String> notes, ComparePlan plan, ServerWork work, List<String> extraArgs,
                   CpuPinning pinning) {

    public ComparePart {
        notes = List.copyOf(notes);
        extraArgs = List.copyOf(extraArgs);
    }

    /** What every server of this part gets after {@code --mode} and {@code --port}: the work, then the extra arguments. */
    public List<String> serverArgs() {
        List<String> args = new ArrayList<>(work.serverArgs());
        args.addAll(extraArgs);
        return args;
    }

    /**
     * The ideal msgs/s of {@code cell} on a machine with {@code machineCores}, or null when the work is none or the
     * cell measures a peer (which does not do this work). A pool row sized with {@code --threads=N} serves at most N
     * connections at once, so its ideal is that of N connections when it has more.
     */
    public Double idealMessagesPerSecond(Cell cell, int machineCores) {
        if (!(cell.target() instanceof Target.Server server)) {
            return null;
        }
        int served = Math.min(cell.connections(), server.poolThreads().orElse(Integer.MAX_VALUE));
        return work.idealMessagesPerSecond(served, cell.shape().pipeline(), pinning.serverCpuCount(machineCores));
    }

    /** The line said before anything runs: the plan's own for one part, else the cells and time of each part and the total. */
    public static String announcement(String name, List<ComparePart> parts) {
        if (parts.size() == 1) {
            return parts.getFirst().plan().announcement();
        }
        long seconds = parts.stream().mapToLong(p -> p.plan().estimatedDuration().toSeconds()).sum();
        int cells = parts.stream().mapToInt(p -> p.plan().cells().size()).sum();
        List<String> each = parts.stream().map(p -> p.title() + " " + p.plan().cells().size() + " ~"
                + ComparePlan.minutesAndSeconds(p.plan().estimatedDuration().toSeconds())).toList();
        return "compare " + name + ": " + parts.size() + " parts (" + String.join(", ", each) + ") = " + cells
                + " cells" + parts.getFirst().plan().shape() + " = about " + ComparePlan.minutesAndSeconds(seconds);
    }
}
