package shout.compare;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import shout.compare.capacity.CapacitySearch;
import shout.compare.capacity.StepReading;
import shout.compare.plan.CapacityPlan;
import shout.compare.plan.Cell;
import shout.compare.plan.ComparePart;
import shout.compare.plan.Target;
import shout.compare.process.ChildShout;
import shout.compare.process.JvmAffinity;
import shout.compare.process.LiveChildren;
import shout.compare.process.LoadRunner;
import shout.compare.process.ProcStat;
import shout.compare.report.CompareProgress;
import shout.compare.report.MarkdownTable;
import shout.compare.result.Capacity;
import shout.compare.result.CapacityResult;
import shout.compare.result.CellResult;
import shout.compare.result.CompareResult;

/**
 * Runs a capacity search ({@code compare --slo}) over one part: starts its servers once ({@link PartServers}), pins
 * this JVM (and so the in-process load client) to the client CPUs, warms each target up, then for each connection
 * count steps a {@link CapacitySearch} round by round, each probe an open-loop cell ({@link CellRunner}), printing a
 * progress line and handing over the results so far after each step. One run per instance, on one thread;
 * {@link LiveChildren#interrupt()} stops it as it stops {@link CompareRun}, leaving out the step under way.
 */
final class CapacityRun {

    private final ChildShout shout;
    private final LoadRunner.Factory loadRunners;
    private final int machineCores;
    private final PrintWriter out;
    private final List<CellResult> steps = new ArrayList<>();
    private final List<CapacitySearch> searches = new ArrayList<>();

    CapacityRun(ChildShout shout, LoadRunner.Factory loadRunners, int machineCores, PrintWriter out) {
        this.shout = shout;
        this.loadRunners = loadRunners;
        this.machineCores = machineCores;
        this.out = out;
    }

    /** Every search of {@code plan}, until the end or an interruption of {@code children}; a failed step ends its target's search. */
    CompareRun.Outcome run(ComparePart part, CapacityPlan plan, LiveChildren children, CompareRun.AfterEachCell afterEachStep)
            throws InterruptedException, IOException {
        JvmAffinity affinity = JvmAffinity.current();
        try {
            affinity.pin(part.pinning().clientCpus());
            out.println(CompareRun.heading(part));
            out.flush();
            long ticks = ProcStat.clockTicksPerSecond();
            try (PartServers servers = PartServers.start(shout, part, children, ticks)) {
                CellRunner runner = new CellRunner(servers, loadRunners.create(shout, part.pinning(), children), ticks);
                for (Target target : plan.grid().targets()) {
                    if (!plan.grid().settings().jitWarmup().isZero() && !children.interrupted()) {
                        runner.warmUp(plan.grid().jitWarmupCell(target));
                    }
                }
                for (int count : plan.grid().connections()) {
                    if (!children.interrupted()) {
                        search(new Probing(runner, part, plan, children, afterEachStep), count);
                    }
                }
                servers.stopAll().forEach(this::noteStop);
            }
        } finally {
            affinity.restore();
        }
        return outcome(part, plan, children.interrupted());
    }

    /** What each step needs, whatever its target, rate and count. */
    private record Probing(CellRunner runner, ComparePart part, CapacityPlan plan, LiveChildren children, CompareRun.AfterEachCell after) {
    }

    private void search(Probing run, int connections) throws InterruptedException, IOException {
        Map<String, Target> byName = new LinkedHashMap<>();
        run.plan().grid().targets().forEach(target -> byName.put(target.name(), target));
        CapacitySearch search = new CapacitySearch(List.copyOf(byName.keySet()), connections, run.plan().rules());
        searches.add(search);
        for (List<CapacitySearch.Probe> round = search.nextRound(); !round.isEmpty(); round = search.nextRound()) {
            for (CapacitySearch.Probe probe : round) {
                Cell cell = run.plan().grid().cell(byName.get(probe.target()), connections, probe.offeredMessagesPerSecond());
                if (run.children().interrupted() || !measure(run, search, probe.target(), cell)) {
                    return;
                }
            }
        }
    }

    /** Measures one step and hands it to the search; false when a signal stopped it midway (then it is left out). */
    private boolean measure(Probing run, CapacitySearch search, String target, Cell cell) throws InterruptedException, IOException {
        CellResult result = run.runner().run(cell).withIdeal(run.part().idealMessagesPerSecond(cell, machineCores));
        if (run.children().interrupted()) {
            return false;               // stopped midway: its figures are not a measurement
        }
        steps.add(result);
        String verdict = switch (result) {
            case CellResult.Failed failed -> {
                search.fail(target, failed.failure());
                yield "";
            }
            case CellResult.Measured measured -> {
                Capacity.Step taken = StepReading.of(measured, run.plan().target());
                search.record(target, taken);
                yield "; " + run.plan().target().percentileName() + " " + MarkdownTable.millis(taken.percentileMicros())
                        + " ms: " + (taken.met() ? "met " : "missed ") + run.plan().target();
            }
        };
        out.println(CompareProgress.line(steps.size(), run.plan().maxCells(), result, 0, 1) + verdict);
        out.flush();
        run.after().accept(outcome(run.part(), run.plan(), false));
        return true;
    }

    /** A server's closing note and counters go on the last step of its row, as on a grid's last cell. */
    private void noteStop(Target.Server server, PartServers.Stopped end) {
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (steps.get(i).id().target().equals(server.name())) {
                steps.set(i, steps.get(i).withNote(end.note()).withServerSummary(end.summary()));
                return;
            }
        }
    }

    /** The steps in table order (row, connections, offered rate) and what every search found so far. */
    private CompareRun.Outcome outcome(ComparePart part, CapacityPlan plan, boolean interrupted) {
        List<String> rows = plan.grid().targets().stream().map(Target::name).toList();
        List<CellResult> table = steps.stream().sorted(Comparator.<CellResult>comparingInt(c -> rows.indexOf(c.id().target()))
                .thenComparingInt(c -> c.id().connections()).thenComparingDouble(c -> c.id().offeredMessagesPerSecond())).toList();
        List<Capacity> found = searches.stream().flatMap(search -> search.results().stream()).toList();
        var result = new CompareResult.Part(part.title(), part.notes(), part.pinning().description(),
                CompareResult.Settings.of(part, machineCores), table, CapacityResult.of(plan.target(), plan.rules(), found));
        return new CompareRun.Outcome(steps.isEmpty() ? List.of() : List.of(result), steps.size(), plan.maxCells(), interrupted);
    }
}
