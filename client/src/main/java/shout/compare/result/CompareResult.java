package shout.compare.result;

import java.util.List;
import shout.compare.plan.CellSettings;
import shout.compare.plan.ComparePart;

/**
 * Everything a comparison produced; {@code results.json} is this record.
 *
 * @param commandLine the exact command line
 * @param machine     where and when
 * @param scenario    the {@code --scenario} name, or null for an ordinary comparison
 * @param wallSeconds how long all cells took, to check the estimate said up front
 * @param cellsPlanned the cells the run was to have
 * @param cellsRun    the cells finished so far: fewer than planned while the run is under way (results.json is
 *                    rewritten after every cell), when it was interrupted, or when it was killed outright
 * @param interrupted true when Ctrl-C or SIGTERM stopped the run; the cell under way then is not in {@code parts}
 * @param parts       one for an ordinary comparison, one per section for a scenario; only parts with finished cells
 */
public record CompareResult(String commandLine, MachineInfo machine, String scenario, double wallSeconds,
                            int cellsPlanned, int cellsRun, boolean interrupted, List<Part> parts) {

    /** {@code shout compare ARGS} as one line a shell would run again: arguments with spaces or quotes are quoted. */
    public static String commandLine(List<String> args) {
        return ("shout compare " + String.join(" ", args.stream().map(CompareResult::shellQuoted).toList())).strip();
    }

    private static String shellQuoted(String arg) {
        return arg.matches("[\\w@%+=:,./-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }

    /**
     * One section and its cells.
     *
     * @param title    the section heading, or null for an ordinary comparison
     * @param notes    what the section shows and what is unusual about it
     * @param pinning  what was pinned to which CPUs, or why nothing was
     * @param settings the settings every cell of the part shared
     * @param cells    one per target and connection count, failed ones included
     */
    public record Part(String title, List<String> notes, String pinning, Settings settings, List<CellResult> cells) {
    }

    /**
     * @param sizeBytes       bytes per message
     * @param pipeline        messages in flight per connection
     * @param warmupSeconds   discarded warm-up per cell
     * @param durationSeconds measured part per cell
     * @param work            per-chunk server work: none, sleep:D or cpu:T
     * @param offload         whether every server moved cpu work off its event loops
     * @param serverCpus      CPUs each server could use: the ideal of cpu work is these / T
     * @param idealRule       how each cell's ideal msgs/s was reckoned, or null for no work
     * @param serverArgs      the arguments every server got beyond mode and port (variants add their own)
     * @param repeat          how many times each cell was measured; a cell shows the median
     * @param jitWarmupSeconds unmeasured load on each server before its first cell (one server serves all its row's cells)
     */
    public record Settings(int sizeBytes, int pipeline, double warmupSeconds, double durationSeconds, String work,
                    boolean offload, int serverCpus, String idealRule, List<String> serverArgs, int repeat,
                    double jitWarmupSeconds) {

        /** The settings of {@code part} on a machine with {@code machineCores}. */
        public static Settings of(ComparePart part, int machineCores) {
            CellSettings plan = part.plan().settings();
            int serverCpus = part.pinning().serverCpuCount(machineCores);
            return new Settings(plan.shape().sizeBytes(), plan.shape().pipeline(), plan.warmup().toNanos() / 1e9, plan.duration().toNanos() / 1e9,
                    part.work().work().toString(), part.work().offload(), serverCpus, part.work().idealRule(serverCpus), part.serverArgs(),
                    plan.repeat(), plan.jitWarmup().toNanos() / 1e9);
        }
    }
}
