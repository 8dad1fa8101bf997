package shout.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import shout.compare.plan.Cell;
import shout.compare.plan.ComparePart;
import shout.compare.plan.Target;
import shout.compare.result.CellResult;
import shout.compare.result.CompareResult;

/**
 * The measurements of one part so far: each cell's repetitions, combined into one result per cell (the median
 * repetition, with every repetition's msgs/s), in table order, and each server's closing line on its row's last
 * cell. One thread (the run's).
 */
final class PartCells {

    private final ComparePart part;
    private final int machineCores;
    private final Map<Cell, List<CellResult>> repetitions = new HashMap<>();
    private final Map<String, PartServers.Stopped> stopped = new HashMap<>();

    PartCells(ComparePart part, int machineCores) {
        this.part = part;
        this.machineCores = machineCores;
    }

    /** Adds one measured (or failed) repetition of {@code cell}. */
    void add(Cell cell, CellResult repetition) {
        repetitions.computeIfAbsent(cell, c -> new ArrayList<>()).add(repetition);
    }

    /** Cells with every repetition done. */
    int cellsComplete() {
        return (int) repetitions.values().stream().filter(r -> r.size() == part.plan().settings().repeat()).count();
    }

    boolean isEmpty() {
        return repetitions.isEmpty();
    }

    /** How every server of the part ended: its note and closing line go on its row's last cell. */
    void serversStopped(Map<Target.Server, PartServers.Stopped> ends) {
        ends.forEach((target, end) -> stopped.put(target.name(), end));
    }

    /** The part as results.json shows it: every cell with at least one repetition, in table order. */
    CompareResult.Part snapshot() {
        Map<String, Integer> lastOfRow = new LinkedHashMap<>();
        List<CellResult> cells = new ArrayList<>();
        for (Cell cell : part.plan().cells()) {
            List<CellResult> done = repetitions.get(cell);
            if (done != null) {
                lastOfRow.put(cell.target().name(), cells.size());
                cells.add(combine(done));
            }
        }
        lastOfRow.forEach((row, index) -> {
            PartServers.Stopped end = stopped.get(row);
            if (end != null) {
                cells.set(index, cells.get(index).withNote(end.note()).withServerSummary(end.summary()));
            }
        });
        return new CompareResult.Part(part.title(), part.notes(), part.pinning().description(),
                CompareResult.Settings.of(part, machineCores), List.copyOf(cells));
    }

    /**
     * One result of a cell's repetitions: the median measured one (the lower middle for an even count) with the
     * msgs/s of every measured one in run order, a note when some failed; the last failure when all did. A closed
     * loop's median is by msgs/s; an open loop's by server CPU per message, since every repetition was offered
     * the same rate and what differs between them is what the server spent.
     */
    static CellResult combine(List<CellResult> repetitions) {
        List<CellResult.Measured> measured = only(CellResult.Measured.class, repetitions);
        if (measured.isEmpty()) {
            return repetitions.getLast();
        }
        CellResult.Measured median = measured.stream().sorted(medianOrder(measured)).toList().get((measured.size() - 1) / 2);
        List<CellResult.Failed> failed = only(CellResult.Failed.class, repetitions);
        String failures = failed.isEmpty() ? null : failed.size() + " of " + repetitions.size() + " runs failed: "
                + failed.getLast().failure();
        return median.withRepeats(measured.stream().map(c -> c.load().throughput().messagesPerSecond()).toList()).withNote(failures);
    }

    private static Comparator<CellResult.Measured> medianOrder(List<CellResult.Measured> measured) {
        boolean byCost = measured.stream().allMatch(c -> c.id().offeredMessagesPerSecond() != null
                && c.server() != null && c.server().cpuMicrosPerMessage() != null);
        return byCost ? Comparator.comparingDouble(c -> c.server().cpuMicrosPerMessage())
                : Comparator.comparingDouble(c -> c.load().throughput().messagesPerSecond());
    }

    private static <T extends CellResult> List<T> only(Class<T> kind, List<CellResult> results) {
        return results.stream().filter(kind::isInstance).map(kind::cast).toList();
    }
}
