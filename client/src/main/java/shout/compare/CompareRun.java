package shout.compare;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import shout.compare.plan.Cell;
import shout.compare.plan.ComparePart;
import shout.compare.process.ChildShout;
import shout.compare.process.LiveChildren;
import shout.compare.process.LoadRunner;
import shout.compare.process.ProcStat;
import shout.compare.report.CompareProgress;
import shout.compare.result.CellResult;
import shout.compare.result.CompareResult;

/**
 * Runs the parts of a comparison one cell at a time, printing a progress line and handing over the results so
 * far after each cell. Each part gets its own {@link CellRunner} and load runner, because its pinning and server
 * arguments are its own. One run per instance, on one thread. {@link LiveChildren#interrupt()} (the first Ctrl-C
 * or SIGTERM, from another thread) stops the cell under way, which is then left out, and ends the run.
 */
final class CompareRun {

    /**
     * The results so far, or in the end.
     *
     * @param parts        the parts with at least one finished cell, each with its finished cells
     * @param cellsRun     cells finished (measured or failed); never the one under way when interrupted
     * @param cellsPlanned cells the run was to have
     * @param interrupted  true when {@link LiveChildren#interrupt()} (a signal) stopped the run
     */
    record Outcome(List<CompareResult.Part> parts, int cellsRun, int cellsPlanned, boolean interrupted) {
    }

    /** Takes the results so far after each finished cell, on the run's thread: compare saves them. */
    @FunctionalInterface
    interface AfterEachCell {
        void accept(Outcome soFar) throws IOException;
    }

    private final ChildShout shout;
    private final LoadRunner.Factory loadRunners;
    private final int machineCores;
    private final PrintWriter out;
    private final List<CompareResult.Part> results = new ArrayList<>();
    private int cellsRun;

    CompareRun(ChildShout shout, LoadRunner.Factory loadRunners, int machineCores, PrintWriter out) {
        this.shout = shout;
        this.loadRunners = loadRunners;
        this.machineCores = machineCores;
        this.out = out;
    }

    /** Every cell of every part, in order, until the end or an interruption of {@code children}; a failed cell is a result. */
    Outcome run(List<ComparePart> parts, LiveChildren children, AfterEachCell afterEachCell) throws InterruptedException, IOException {
        int planned = parts.stream().mapToInt(p -> p.plan().cells().size()).sum();
        for (int i = 0; i < parts.size() && !children.interrupted(); i++) {
            runPart(parts.get(i), children, planned, afterEachCell);
        }
        return new Outcome(List.copyOf(results), cellsRun, planned, children.interrupted());
    }

    private void runPart(ComparePart part, LiveChildren children, int planned, AfterEachCell afterEachCell)
            throws InterruptedException, IOException {
        announce(part);
        CellRunner runner = new CellRunner(shout, part.pinning(), part.serverArgs(),
                loadRunners.create(shout, part.pinning(), children), children, ProcStat.clockTicksPerSecond());
        List<CellResult> cells = new ArrayList<>();
        for (Cell cell : part.plan().cells()) {
            if (children.interrupted()) {
                return;
            }
            CellResult result = runner.run(cell).withIdeal(part.idealMessagesPerSecond(cell, machineCores));
            if (children.interrupted()) {
                return;                 // stopped midway: its figures are not a measurement
            }
            cells.add(result);
            out.println(CompareProgress.line(++cellsRun, planned, result));
            out.flush();
            CompareResult.Part soFar = new CompareResult.Part(part.title(), part.notes(), part.pinning().description(),
                    CompareResult.Settings.of(part, machineCores), List.copyOf(cells));
            if (cells.size() > 1) {
                results.removeLast();
            }
            results.add(soFar);
            afterEachCell.accept(new Outcome(List.copyOf(results), cellsRun, planned, false));
        }
    }

    private void announce(ComparePart part) {
        String work = part.work().hasIdeal() || part.work().offload() ? "work " + part.work().description() + "; " : "";
        out.println((part.title() == null ? "" : part.title() + ": ") + work + "pinning: " + part.pinning().description());
        out.flush();
    }
}
