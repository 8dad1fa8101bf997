package shout.compare.report;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import shout.compare.result.CellResult;

/**
 * What a chart's x-axis (log scale) shows: the connections, one line per row, as every comparison does; or, for a
 * part whose rows are pools of several sizes at one connection count (the pool-size lesson), the pool's threads,
 * one line for all of them.
 */
enum ChartAxis {

    CONNECTIONS("connections", cell -> cell.id().connections()),
    POOL_THREADS("pool threads", cell -> cell.id().poolThreads());

    private final String title;
    private final Function<CellResult, Integer> value;

    ChartAxis(String title, Function<CellResult, Integer> value) {
        this.title = title;
        this.value = value;
    }

    /** {@link #POOL_THREADS} when every cell is a sized pool, all at one connection count, of more than one size. */
    static ChartAxis of(List<CellResult> cells) {
        boolean sizedPools = !cells.isEmpty() && cells.stream().allMatch(c -> c.id().poolThreads() != null);
        return sizedPools && distinct(cells, c -> c.id().connections()) == 1 && distinct(cells, c -> c.id().poolThreads()) > 1
                ? POOL_THREADS : CONNECTIONS;
    }

    private static long distinct(List<CellResult> cells, Function<CellResult, Integer> value) {
        return cells.stream().map(value).distinct().count();
    }

    /** The axis's name in titles: {@code connections}, {@code pool threads}. */
    String title() {
        return title;
    }

    /** Where {@code cell} sits on this axis. */
    int x(CellResult cell) {
        return value.apply(cell);
    }

    /**
     * The line {@code cell} belongs to: its row ({@code nio}, or {@code nio at 20,000/s} for an open-loop cell, each
     * offered rate a line of its own) against connections; every pool size together against threads.
     */
    String lineName(CellResult cell) {
        if (this == POOL_THREADS) {
            return String.format(Locale.ROOT, "pool at %,d connections", cell.id().connections());
        }
        Double offered = cell.id().offeredMessagesPerSecond();
        return offered == null ? cell.id().target() : String.format(Locale.ROOT, "%s at %,.0f/s", cell.id().target(), offered);
    }
}
