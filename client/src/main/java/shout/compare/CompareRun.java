package shout.compare;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import shout.compare.plan.ComparePart;
import shout.compare.plan.ComparePlan;
import shout.compare.plan.Target;
import shout.compare.process.ChildShout;
import shout.compare.process.JvmAffinity;
import shout.compare.process.LiveChildren;
import shout.compare.process.LoadRunner;
import shout.compare.process.ProcStat;
import shout.compare.report.CompareProgress;
import shout.compare.result.CellResult;
import shout.compare.result.CompareResult;

/**
 * Runs the parts of a comparison one after the other. A part starts all its servers at once ({@link PartServers}),
 * pins this JVM (and so the in-process load client) to its client CPUs, warms each target up once before its
 * first cell, runs its measurements in {@link ComparePlan#runOrder()}, printing a progress line and handing over
 * the results so far after each, and stops its servers at its end. Each part gets its own load runner, because
 * its pinning is its own. One run per instance, on one thread. {@link LiveChildren#interrupt()} (the first Ctrl-C
 * or SIGTERM, from another thread) stops the measurement under way, which is then left out, and ends the run.
 */
final class CompareRun {

    /**
     * The results so far, or in the end.
     *
     * @param parts        the parts with at least one measured cell, each with those cells
     * @param cellsRun     cells with every repetition finished (measured or failed); never the one under way when interrupted
     * @param cellsPlanned cells the run was to have
     * @param interrupted  true when {@link LiveChildren#interrupt()} (a signal) stopped the run
     */
    record Outcome(List<CompareResult.Part> parts, int cellsRun, int cellsPlanned, boolean interrupted) {
    }

    /** Takes the results so far after each finished measurement, on the run's thread: compare saves them. */
    @FunctionalInterface
    interface AfterEachCell {
        void accept(Outcome soFar) throws IOException;
    }

    private final ChildShout shout;
    private final LoadRunner.Factory loadRunners;
    private final int machineCores;
    private final PrintWriter out;
    private final List<PartCells> parts = new ArrayList<>();
    private int measurementsDone;

    CompareRun(ChildShout shout, LoadRunner.Factory loadRunners, int machineCores, PrintWriter out) {
        this.shout = shout;
        this.loadRunners = loadRunners;
        this.machineCores = machineCores;
        this.out = out;
    }

    /** Every cell of every part, until the end or an interruption of {@code children}; a failed cell is a result. */
    Outcome run(List<ComparePart> plan, LiveChildren children, AfterEachCell afterEachCell) throws InterruptedException, IOException {
        int planned = plan.stream().mapToInt(p -> p.plan().cells().size()).sum();
        int measurements = plan.stream().mapToInt(p -> p.plan().runOrder().size()).sum();
        JvmAffinity affinity = JvmAffinity.current();
        try {
            for (int i = 0; i < plan.size() && !children.interrupted(); i++) {
                affinity.pin(plan.get(i).pinning().clientCpus());
                runPart(plan.get(i), children, new Progress(planned, measurements), afterEachCell);
            }
        } finally {
            affinity.restore();
        }
        return outcome(planned, children.interrupted());
    }

    private record Progress(int cells, int measurements) {
    }

    private void runPart(ComparePart part, LiveChildren children, Progress progress, AfterEachCell afterEachCell)
            throws InterruptedException, IOException {
        announce(part);
        ComparePlan plan = part.plan();
        int repeat = plan.settings().repeat();
        PartCells cells = new PartCells(part, machineCores);
        parts.add(cells);
        long ticks = ProcStat.clockTicksPerSecond();
        try (PartServers servers = PartServers.start(shout, part, children, ticks)) {
            CellRunner runner = new CellRunner(servers, loadRunners.create(shout, part.pinning(), children), ticks);
            Set<Target> warmed = new HashSet<>();
            for (ComparePlan.Trial trial : plan.runOrder()) {
                if (warmed.add(trial.cell().target()) && !plan.settings().jitWarmup().isZero() && !children.interrupted()) {
                    runner.warmUp(plan.jitWarmupCell(trial.cell().target()));
                }
                if (children.interrupted()) {
                    break;
                }
                CellResult result = runner.run(trial.cell()).withIdeal(part.idealMessagesPerSecond(trial.cell(), machineCores));
                if (children.interrupted()) {
                    break;              // stopped midway: its figures are not a measurement
                }
                cells.add(trial.cell(), result);
                out.println(CompareProgress.line(++measurementsDone, progress.measurements(), result, trial.repetition(), repeat));
                out.flush();
                afterEachCell.accept(outcome(progress.cells(), false));
            }
            cells.serversStopped(servers.stopAll());
        }
        if (cells.isEmpty()) {
            parts.remove(cells);
        } else {
            afterEachCell.accept(outcome(progress.cells(), children.interrupted()));
        }
    }

    private Outcome outcome(int planned, boolean interrupted) {
        List<CompareResult.Part> soFar = parts.stream().filter(p -> !p.isEmpty()).map(PartCells::snapshot).toList();
        return new Outcome(soFar, parts.stream().mapToInt(PartCells::cellsComplete).sum(), planned, interrupted);
    }

    private void announce(ComparePart part) {
        out.println(heading(part));
        out.flush();
    }

    /** The line said as a part starts: its title, its work when there is any, and its pinning. */
    static String heading(ComparePart part) {
        String work = part.work().hasIdeal() || part.work().offload() ? "work " + part.work().description() + "; " : "";
        return (part.title() == null ? "" : part.title() + ": ") + work + "pinning: " + part.pinning().description();
    }
}
