package shout.compare.report;

import java.util.List;
import java.util.Locale;
import shout.compare.result.Capacity;
import shout.compare.result.CapacityResult;
import shout.compare.result.CellResult;
import shout.load.ClientLimit;

/**
 * Formats what {@code compare --slo} found as one Markdown table, a row per server and connection count: the capacity
 * (marked {@link MarkdownTable#CLIENT_BOUND_MARK} when it is the client's limit, so a lower bound), the target's
 * percentile at it, and the steps it took; a line above says what was searched and how, a footnote what the mark means.
 */
public final class CapacityTable {

    private CapacityTable() {
    }

    /** The heading line, the table and its footnote, ending with a newline. */
    public static String render(CapacityResult result) {
        String percentile = result.percentileName();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "Capacity at %s: the highest offered rate each server sustained (%.0f%% of it achieved) with %s within %s; "
                        + "searched %s.%n%n", result.slo(), 100 * CellResult.SUSTAINED_SHARE, percentile,
                result.limitText(), result.search()));
        List<String> header = List.of("server", "connections", "capacity msgs/s", percentile + " ms at capacity", "steps");
        text.append(MarkdownTable.row(header)).append(MarkdownTable.row(header.stream().map(h -> "---").toList()));
        for (Capacity capacity : result.capacities()) {
            text.append(MarkdownTable.row(List.of(capacity.target(), Integer.toString(capacity.connections()),
                    capacity.describe() + (capacity.clientBound() ? " " + MarkdownTable.CLIENT_BOUND_MARK : ""),
                    capacity.latencyMicros() == null ? "-" : MarkdownTable.millis(capacity.latencyMicros()),
                    Integer.toString(capacity.stepsTaken()))));
        }
        if (result.capacities().stream().anyMatch(Capacity::clientBound)) {
            text.append(String.format(Locale.ROOT, "%n%s client-bound: at the last step met or the first missed, the load client was busy %.0f%% or "
                    + "more of its cores, or the server answered within the target from each actual send while the client "
                    + "sent late; so the server may carry more: read the figure as a lower bound.%n",
                    MarkdownTable.CLIENT_BOUND_MARK, ClientLimit.BOUND_PERCENT));
        }
        return text.toString();
    }
}
