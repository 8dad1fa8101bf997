package shout.compare.plan;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import shout.cli.Cli;
import shout.cli.Durations;
import shout.load.Connections;

/**
 * What a comparison will run: the grid of every target with every connection count and every offered rate, each
 * cell measured with the same settings {@code repeat} times, every target warmed up once before its first cell.
 * The rate is a grid axis like the connections, not a setting of all cells, because a list of rates
 * ({@code --rate 10k,20k}) asks for one cell each; without rates every cell is a closed loop.
 *
 * @param targets      rows: modes first, then peers
 * @param connections  connection counts, one cell each per target
 * @param offeredRates total msgs/s of an open loop, one cell each per target and count; empty for closed-loop cells
 * @param settings     how each cell is measured
 */
public record ComparePlan(List<Target> targets, List<Integer> connections, List<Double> offeredRates, CellSettings settings) {

    /** The name of the line a chart draws for the ideal throughput, so no row may take it. */
    public static final String IDEAL_ROW = "ideal";

    /** Connections of the JIT warm-up (fewer when the plan's largest count is smaller). */
    public static final int JIT_WARMUP_CONNECTIONS = 100;

    /** Per measurement beyond warm-up and duration: connecting, closing, letting the last server go quiet. */
    static final Duration CELL_OVERHEAD = Duration.ofMillis(400);
    /** The most a cell's warm-up grows for its connection count: see {@link #settling}. */
    static final Duration MAX_SETTLING = Duration.ofSeconds(3);
    /** Settling per connection: see {@link #settling}. */
    static final Duration SETTLING_PER_CONNECTION = Duration.ofMillis(1);
    /** The same for a server that starts a platform thread per connection. */
    static final Duration THREAD_STARTING_SETTLING_PER_CONNECTION = Duration.ofNanos(2_500_000);

    /** Opening one idle connection (load's {@code --idle}) before a cell: see {@link #idleOpening}. */
    static final Duration IDLE_OPENING_PER_CONNECTION = Duration.ofNanos(300_000);
    /** The same against a server that starts a platform thread per connection. */
    static final Duration THREAD_STARTING_IDLE_OPENING_PER_CONNECTION = Duration.ofNanos(1_200_000);

    /** Per part: starting every server JVM at once, and stopping them in the end (measured on a busy 2-core machine). */
    static final Duration SERVERS_OVERHEAD = Duration.ofSeconds(3);

    public ComparePlan {
        Objects.requireNonNull(settings, "settings");
        targets = List.copyOf(targets);
        connections = List.copyOf(connections);
        connections.forEach(Connections::requireCount);
        offeredRates = List.copyOf(offeredRates);
        offeredRates.forEach(ComparePlan::requireRate);
    }

    /** A plan of closed-loop cells. */
    public ComparePlan(List<Target> targets, List<Integer> connections, CellSettings settings) {
        this(targets, connections, List.of(), settings);
    }

    /** Throws with a message fit for a user unless {@code rate} is a positive msgs/s. */
    public static void requireRate(double rate) {
        Cli.require(rate > 0 && Double.isFinite(rate), "rate must be positive, not " + BigDecimal.valueOf(rate).stripTrailingZeros().toPlainString());
    }

    /** The rate of each cell of a target and count: the offered rates, or one closed loop (0). */
    private List<Double> rates() {
        return offeredRates.isEmpty() ? List.of(0.0) : offeredRates;
    }

    /** Every cell in table order: target by target, connection counts ascending as given. */
    public List<Cell> cells() {
        List<Cell> cells = new ArrayList<>();
        for (Target target : targets) {
            for (int count : connections) {
                for (double rate : rates()) {
                    cells.add(cell(target, count, rate));
                }
            }
        }
        return cells;
    }

    /**
     * One measurement of a cell: repetition {@code repetition} (0-based) of {@code cell}.
     *
     * @param cell       what is measured
     * @param repetition which of the plan's {@code repeat} measurements this is, from 0
     */
    public record Trial(Cell cell, int repetition) {
    }

    /**
     * Every measurement in run order: for each repetition, for each connection count, every target once, the
     * targets' order rotated by one each repetition, so that a slow drift of the machine hits every target alike.
     */
    public List<Trial> runOrder() {
        List<Trial> trials = new ArrayList<>();
        for (int r = 0; r < settings.repeat(); r++) {
            for (int count : connections) {
                for (double rate : rates()) {
                    for (int t = 0; t < targets.size(); t++) {
                        trials.add(new Trial(cell(targets.get((t + r) % targets.size()), count, rate), r));
                    }
                }
            }
        }
        return trials;
    }

    /**
     * The unmeasured load that warms {@code target}'s JIT before its first cell (no warm-up of its own, all measured). An
     * open-loop plan warms at its lowest offered rate: a closed loop would flood a server that queues work (an offload
     * pool) with a backlog that outlives the warm-up and lands in the first measured cell.
     */
    public Cell jitWarmupCell(Target target) {
        int largest = connections.stream().mapToInt(Integer::intValue).max().orElse(JIT_WARMUP_CONNECTIONS);
        double rate = offeredRates.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        return new Cell(target, Math.min(JIT_WARMUP_CONNECTIONS, largest), settings.shape(), Duration.ZERO, settings.jitWarmup(), rate);
    }

    /** The cell of {@code target} at {@code count} connections and offered {@code rate} msgs/s (0: a closed loop), with its settling. */
    public Cell cell(Target target, int count, double rate) {
        return new Cell(target, count, settings.shape(), settings.warmup().plus(settling(target, count + settings.idleConnections())),
                settings.duration(), rate, settings.idleConnections());
    }

    /**
     * Warm-up a cell gets on top of {@code warmup} for its connections to settle: 1 ms each, at most 3 s.
     * Right after a thousand connections open, the server is still accepting and starting them and its
     * rate climbs for about a second. A server that starts a platform thread per connection climbs for
     * longer and gets 2.5 ms each. Figures: docs/findings.md#settling-warm-up-grows-with-the-connections.
     */
    static Duration settling(Target target, int connections) {
        Duration perConnection = startsThreads(target) ? THREAD_STARTING_SETTLING_PER_CONNECTION : SETTLING_PER_CONNECTION;
        Duration settling = perConnection.multipliedBy(connections);
        return settling.compareTo(MAX_SETTLING) > 0 ? MAX_SETTLING : settling;
    }

    /**
     * The time a cell of {@code target} spends opening its {@code idle} connections, one after another, before its
     * load starts: 0.3 ms each, 1.2 ms against a server that starts a platform thread for each, its accept falling
     * behind. Figures: docs/findings.md#idle-connections-take-a-while-to-open.
     */
    static Duration idleOpening(Target target, int idle) {
        return (startsThreads(target) ? THREAD_STARTING_IDLE_OPENING_PER_CONNECTION : IDLE_OPENING_PER_CONNECTION).multipliedBy(idle);
    }

    private static boolean startsThreads(Target target) {
        return target instanceof Target.Server server && server.mode().startsPlatformThreadPerConnection();
    }

    /**
     * The expected wall time: server starts, a JIT warm-up per target, then cells x repeat x (warm-up + duration +
     * overhead), each cell's idle connections opened first.
     */
    Duration estimatedDuration() {
        int repeat = settings.repeat();
        Duration settlings = targets.stream()
                .flatMap(target -> connections.stream().map(count -> settling(target, count + settings.idleConnections())
                        .plus(idleOpening(target, settings.idleConnections()))))
                .reduce(Duration.ZERO, Duration::plus).multipliedBy((long) repeat * rates().size());
        Duration measurements = settings.warmup().plus(settings.duration()).plus(CELL_OVERHEAD)
                .multipliedBy((long) targets.size() * connections.size() * rates().size() * repeat)
                .plus(settlings);
        return SERVERS_OVERHEAD.plus(settings.jitWarmup().multipliedBy(targets.size())).plus(measurements);
    }

    /** One line said before anything runs: how many cells, of what, and how long it will take. */
    String announcement() {
        String rateAxis = offeredRates.isEmpty() ? "" : " x " + offeredRates.size() + " offered rates";
        return "compare: " + targets.size() + " servers x " + connections.size() + " connection counts" + rateAxis + " = "
                + targets.size() * connections.size() * rates().size() + " cells" + shape() + " = about " + minutesAndSeconds(estimatedDuration().toSeconds());
    }

    /** {@code  x (500ms warm-up + 1s + ~400ms), one server per row warmed 1s first}, with {@code  x 3 runs} when repeated. */
    String shape() {
        String threadStarters = targets.stream().filter(ComparePlan::startsThreads).map(Target::name).collect(Collectors.joining(", "));
        String settlingNote = "(+" + Durations.format(SETTLING_PER_CONNECTION) + " a connection"
                + (threadStarters.isEmpty() ? "" : ", " + Durations.format(THREAD_STARTING_SETTLING_PER_CONNECTION) + " for " + threadStarters) + ")";
        int repeat = settings.repeat();
        Duration jitWarmup = settings.jitWarmup();
        return (repeat > 1 ? " x " + repeat + " runs" : "") + " x (" + Durations.format(settings.warmup()) + " warm-up " + settlingNote
                + " + " + Durations.format(settings.duration()) + " + ~" + Durations.format(CELL_OVERHEAD) + "), one server per row"
                + (jitWarmup.isZero() ? "" : " warmed " + Durations.format(jitWarmup) + " first");
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
