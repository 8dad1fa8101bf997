package shout.compare.process;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * A process's readings in time order, each with when it was taken ({@link System#nanoTime}), so that its CPU time and
 * resident memory can be read at any moment between two readings: linearly between the two around it, the first or
 * last outside them. A window's cost then does not depend on a reading falling exactly on its edges. Not thread-safe:
 * its owner guards it.
 */
final class ProcTimeline {

    private record Reading(long nanos, ProcStat stat) {
    }

    private final List<Reading> readings = new ArrayList<>();

    /** Adds a reading taken at {@code nanos}, not before the last one. */
    void add(long nanos, ProcStat stat) {
        readings.add(new Reading(nanos, stat));
    }

    ProcStat first() {
        return readings.getFirst().stat();
    }

    ProcStat last() {
        return readings.getLast().stat();
    }

    /** CPU ticks the process had used by {@code nanos}. */
    double cpuTicksAt(long nanos) {
        return at(nanos, ProcStat::cpuTicks);
    }

    /** Resident memory (KiB) at {@code nanos}. */
    double residentKiBAt(long nanos) {
        return at(nanos, ProcStat::residentKiB);
    }

    private double at(long nanos, ToLongFunction<ProcStat> figure) {
        Reading before = readings.getFirst();
        for (Reading reading : readings) {
            if (reading.nanos() >= nanos) {
                if (reading == before) {
                    return figure.applyAsLong(reading.stat());
                }
                double share = (double) (nanos - before.nanos()) / (reading.nanos() - before.nanos());
                long from = figure.applyAsLong(before.stat());
                return from + share * (figure.applyAsLong(reading.stat()) - from);
            }
            before = reading;
        }
        return figure.applyAsLong(before.stat());
    }
}
