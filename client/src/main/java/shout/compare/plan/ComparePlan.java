package shout.compare.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import shout.cli.Durations;

/**
 * What a comparison will run: every target with every connection count, with the same cell settings.
 *
 * @param targets     rows: modes first, then peers
 * @param connections connection counts, one cell each per target
 * @param sizeBytes   bytes per message
 * @param pipeline    messages in flight per connection
 * @param warmup      discarded load before each measurement
 * @param duration    measured part of each cell
 */
public record ComparePlan(List<Target> targets, List<Integer> connections, int sizeBytes, int pipeline,
                   Duration warmup, Duration duration) {

    /** The name of the line a chart draws for the ideal throughput, so no row may take it. */
    public static final String IDEAL_ROW = "ideal";

    /** Starting and stopping a server JVM and a load client JVM around each cell: 1.8 s measured on a busy 2-core machine. */
    static final Duration CELL_OVERHEAD = Duration.ofSeconds(2);

    public ComparePlan {
        targets = List.copyOf(targets);
        connections = List.copyOf(connections);
    }

    /** Every cell in run order: target by target, connection counts ascending as given. */
    public List<Cell> cells() {
        List<Cell> cells = new ArrayList<>();
        for (Target target : targets) {
            for (int count : connections) {
                cells.add(new Cell(target, count, sizeBytes, pipeline, warmup, duration));
            }
        }
        return cells;
    }

    /** The expected wall time: cells x (warm-up + duration + start/stop overhead). */
    Duration estimatedDuration() {
        return warmup.plus(duration).plus(CELL_OVERHEAD).multipliedBy((long) targets.size() * connections.size());
    }

    /** One line said before anything runs: how many cells, of what, and how long it will take. */
    String announcement() {
        long seconds = estimatedDuration().toSeconds();
        return "compare: " + targets.size() + " servers x " + connections.size() + " connection counts = "
                + targets.size() * connections.size() + " cells x (" + Durations.format(warmup) + " warm-up + "
                + Durations.format(duration) + " + ~" + Durations.format(CELL_OVERHEAD) + " start/stop) = about "
                + minutesAndSeconds(seconds);
    }

    /** One line naming the first row name used twice (or the chart's reserved {@code ideal}), or null when all differ. */
    public static String duplicateName(List<Target> targets) {
        Set<String> names = new HashSet<>(Set.of(IDEAL_ROW));
        for (Target target : targets) {
            if (!names.add(target.name())) {
                return "two rows would be named '" + target.name() + "': give the variant or peer another name";
            }
        }
        return null;
    }

    /** {@code 54 s}, or {@code 3 min 36 s} from two minutes on. */
    static String minutesAndSeconds(long seconds) {
        return seconds >= 120 ? seconds / 60 + " min " + seconds % 60 + " s" : seconds + " s";
    }
}
