package shout.compare.result;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Duration;
import java.util.List;
import shout.compare.plan.CellSettings;
import shout.compare.plan.ComparePart;
import shout.compare.plan.ServerWork;

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
     * @param cells    one per target and connection count, failed ones included; for a capacity search, one per step
     * @param capacity what a capacity search ({@code --slo}) found, or null for a grid of cells
     */
    public record Part(String title, List<String> notes, String pinning, Settings settings, List<CellResult> cells,
                       CapacityResult capacity) {

        /** A part of a grid of cells, without a capacity search. */
        public Part(String title, List<String> notes, String pinning, Settings settings, List<CellResult> cells) {
            this(title, notes, pinning, settings, cells, null);
        }
    }

    /**
     * The settings every cell of a part shared; results.json writes both parts' fields into one flat object.
     *
     * @param cells   how each cell was measured
     * @param servers what every server of the part did and could use
     */
    public record Settings(@JsonUnwrapped Cells cells, @JsonUnwrapped Servers servers) {

        /**
         * @param sizeBytes        bytes per message
         * @param pipeline         messages in flight per connection
         * @param warmupSeconds    discarded warm-up per cell
         * @param durationSeconds  measured part per cell
         * @param repeat           how many times each cell was measured; a cell shows the median
         * @param jitWarmupSeconds unmeasured load on each server before its first cell (one server serves all its row's cells)
         * @param idleConnections  connections each cell held open beside its own, never sent on; 0 for none
         */
        public record Cells(int sizeBytes, int pipeline, double warmupSeconds, double durationSeconds, int repeat,
                            double jitWarmupSeconds, int idleConnections) {

            /** Cells without idle connections. */
            public Cells(int sizeBytes, int pipeline, double warmupSeconds, double durationSeconds, int repeat,
                         double jitWarmupSeconds) {
                this(sizeBytes, pipeline, warmupSeconds, durationSeconds, repeat, jitWarmupSeconds, 0);
            }
        }

        /**
         * @param work       per-chunk server work: none, sleep:D or cpu:T
         * @param offload    whether every server moved cpu work off its event loops
         * @param serverCpus CPUs each server could use: the ideal of cpu work is these / T
         * @param idealRule  how each cell's ideal msgs/s was reckoned, or null for no work
         * @param serverArgs the arguments every server got beyond mode and port (variants add their own)
         */
        public record Servers(String work, boolean offload, int serverCpus, String idealRule, List<String> serverArgs) {
        }

        /** The settings of {@code part} on a machine with {@code machineCores}. */
        public static Settings of(ComparePart part, int machineCores) {
            CellSettings plan = part.plan().settings();
            var cells = new Cells(plan.shape().sizeBytes(), plan.shape().pipeline(), seconds(plan.warmup()),
                    seconds(plan.duration()), plan.repeat(), seconds(plan.jitWarmup()), plan.idleConnections());
            int serverCpus = part.pinning().serverCpuCount(machineCores);
            ServerWork work = part.work();
            return new Settings(cells, new Servers(work.work().toString(), work.offload(), serverCpus, work.idealRule(serverCpus),
                    part.serverArgs()));
        }

        private static double seconds(Duration duration) {
            return duration.toNanos() / 1e9;
        }
    }
}
