package shout.compare;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Function;
import shout.cli.ExitCode;
import shout.cli.StopSignals;
import shout.compare.process.LiveChildren;
import shout.compare.report.MarkdownTable;
import shout.compare.report.ResultsWriter;
import shout.compare.result.CompareResult;
import shout.compare.result.MachineInfo;

/**
 * One compare run from its first cell to its report: runs the cells (a grid or a capacity search), saving
 * results.json after each, then prints the tables and writes report and charts. Ctrl-C or SIGTERM stops it keeping
 * the finished cells; a second one kills the children and exits at once.
 *
 * @param writer        where results, report and charts go
 * @param commandLine   the command line, for the results
 * @param machine       where and when
 * @param scenario      the scenario's name, or null
 * @param handleSignals whether this process's signals stop the run: only for the process entry, never in tests
 */
record CompareSession(ResultsWriter writer, String commandLine, MachineInfo machine, String scenario, boolean handleSignals) {

    /** The cells of a run, handed the children to register with and what to do after each cell. */
    @FunctionalInterface
    interface Cells {
        CompareRun.Outcome run(LiveChildren children, CompareRun.AfterEachCell afterEachCell) throws IOException, InterruptedException;
    }

    /** Runs {@code cells} and writes everything; returns OK, or the code of what stopped the run early (130, 143 on SIGTERM). */
    ExitCode run(Cells cells, PrintWriter out) throws IOException, InterruptedException {
        long startNanos = System.nanoTime();
        Function<CompareRun.Outcome, CompareResult> asResult = outcome -> new CompareResult(commandLine, machine, scenario,
                (System.nanoTime() - startNanos) / 1e9, outcome.cellsPlanned(), outcome.cellsRun(), outcome.interrupted(), outcome.parts());
        // Until the report is written: a second signal then (the first often ends a cell within a second) still exits 130 or 143.
        try (LiveChildren children = new LiveChildren();
             StopSignals signals = handleSignals ? StopSignals.install(children::interrupt, code -> stopNow(children, code)) : null) {
            CompareResult result = asResult.apply(cells.run(children, soFar -> writer.writeResults(asResult.apply(soFar))));
            out.print(MarkdownTable.renderResult(result));
            Path report = writer.writeAll(result);
            out.println();
            out.println("report: " + report);
            out.flush();
            if (!result.interrupted()) {
                return ExitCode.OK;
            }
            return signals == null ? ExitCode.INTERRUPTED : signals.received().orElse(ExitCode.INTERRUPTED);
        }
    }

    /** The second Ctrl-C or SIGTERM: no more waiting for anyone; results.json holds every finished cell already. */
    private static void stopNow(LiveChildren children, ExitCode code) {
        children.killAll();
        System.exit(code.code());
    }
}
