package shout.compare;

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
 * Runs the parts of a comparison one cell at a time, printing a progress line per cell. Each part gets its own
 * {@link CellRunner} and load runner, because its pinning and server arguments are its own.
 */
final class CompareRun {

    private final ChildShout shout;
    private final LoadRunner.Factory loadRunners;
    private final int machineCores;
    private final PrintWriter out;

    CompareRun(ChildShout shout, LoadRunner.Factory loadRunners, int machineCores, PrintWriter out) {
        this.shout = shout;
        this.loadRunners = loadRunners;
        this.machineCores = machineCores;
        this.out = out;
    }

    /** Every cell of every part, in order; a failed cell is a result. */
    List<CompareResult.Part> run(List<ComparePart> parts) throws InterruptedException {
        int total = parts.stream().mapToInt(p -> p.plan().cells().size()).sum();
        List<CompareResult.Part> results = new ArrayList<>();
        int done = 0;
        try (LiveChildren children = new LiveChildren()) {
            for (ComparePart part : parts) {
                announce(part);
                CellRunner runner = new CellRunner(shout, part.pinning(), part.serverArgs(),
                        loadRunners.create(shout, part.pinning(), children), children, ProcStat.clockTicksPerSecond());
                List<CellResult> cells = new ArrayList<>();
                for (Cell cell : part.plan().cells()) {
                    cells.add(runner.run(cell).withIdeal(part.idealMessagesPerSecond(cell, machineCores)));
                    out.println(CompareProgress.line(++done, total, cells.getLast()));
                    out.flush();
                }
                results.add(new CompareResult.Part(part.title(), part.notes(), part.pinning().description(),
                        CompareResult.Settings.of(part, machineCores), cells));
            }
        }
        return results;
    }

    private void announce(ComparePart part) {
        String work = part.work().hasIdeal() || part.work().offload() ? "work " + part.work().description() + "; " : "";
        out.println((part.title() == null ? "" : part.title() + ": ") + work + "pinning: " + part.pinning().description());
        out.flush();
    }
}
