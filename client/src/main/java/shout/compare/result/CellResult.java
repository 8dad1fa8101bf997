package shout.compare.result;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import shout.compare.plan.Cell;
import shout.compare.plan.ServerWork;
import shout.compare.plan.Target;
import shout.load.ClientLimit;
import shout.load.LoadReport;
import shout.load.Steadiness;

/**
 * The outcome of one cell: {@link Measured}, with the load client's report and the server's cost, or {@link Failed},
 * with the reason. Both carry which cell it was and the harness's remarks on it. {@code results.json} writes either
 * as one flat object with every field of both, null where a kind has none, as it did before the two were told apart.
 */
@JsonPropertyOrder({"id", "failure", "load", "server", "remarks"})
public sealed interface CellResult permits CellResult.Measured, CellResult.Failed {

    /** Which cell. */
    @JsonUnwrapped
    Id id();

    /** What the harness adds to the outcome. */
    @JsonUnwrapped
    Remarks remarks();

    /** This result with other remarks. */
    CellResult withRemarks(Remarks other);

    /**
     * Which cell a result is of.
     *
     * @param target      the row name (mode, variant label or peer name)
     * @param peer        true for a {@code --peer} server the harness did not start
     * @param connections connections asked for
     * @param expect      what the replies were checked against: {@code upper}, or {@code echo} for a plain echo peer
     * @param offeredMessagesPerSecond the open loop's total send rate ({@code --rate}), or null for a closed loop
     * @param poolThreads the threads of a pool row given {@code --threads=N} (see {@link Target.Server#poolThreads}), or null
     * @param idleConnections connections held open beside {@code connections} and never used, or null for none
     */
    record Id(String target, boolean peer, int connections, String expect, Double offeredMessagesPerSecond,
              Integer poolThreads, Integer idleConnections) {

        /** A cell of a row that is no sized pool, without idle connections. */
        public Id(String target, boolean peer, int connections, String expect, Double offeredMessagesPerSecond) {
            this(target, peer, connections, expect, offeredMessagesPerSecond, null, null);
        }

        static Id of(Cell cell) {
            Integer poolThreads = cell.target() instanceof Target.Server server && server.poolThreads().isPresent()
                    ? server.poolThreads().getAsInt() : null;
            return new Id(cell.target().name(), cell.target() instanceof Target.Peer, cell.connections(),
                    cell.target().expect().cliName(), cell.openLoop() ? cell.offeredMessagesPerSecond() : null, poolThreads,
                    cell.idleConnections() > 0 ? cell.idleConnections() : null);
        }
    }

    /** From this share of its offered rate on, an open-loop cell counts as having sustained it. */
    double SUSTAINED_SHARE = 0.98;

    /**
     * What the harness adds to a cell's outcome once it is known.
     *
     * @param note                   anything odd that did not fail the cell (server exit code, forced stop), or null
     * @param serverSummary          the server's own closing line (its connection and byte counters over all its
     *                               cells, as one server serves every cell of its row), on the row's last cell only; else null
     * @param idealMessagesPerSecond the best this cell's work allows (see {@link ServerWork}), or null for no work
     */
    record Remarks(String note, String serverSummary, Double idealMessagesPerSecond) {

        static final Remarks NONE = new Remarks(null, null, null);
    }

    /**
     * A cell with figures.
     *
     * @param load            the load client's figures
     * @param server          the server's cost, null when not knowable (a peer)
     * @param serverStartLine the server's own start line (mode, threads, work, processes), or null
     * @param steady          whether the load's throughput had settled over the measured part
     * @param client          how busy the load client was, and whether it, not the server, set the pace
     * @param repeats         msgs/s of each measured repetition in run order ({@code --repeat}); {@code load} is the
     *                        median one's report
     */
    record Measured(Id id, LoadReport load, ServerCost server, String serverStartLine, Steadiness steady, ClientLimit client,
                    List<Double> repeats, Remarks remarks) implements CellResult {

        /** The JSON names of the figures worked out from the others, which a failed cell writes as null too. */
        static final String CLIENT_CPU_PER_MESSAGE = "clientCpuMicrosPerMessage";
        static final String SUSTAINED = "sustained";

        public Measured {
            repeats = List.copyOf(repeats);
        }

        @Override
        public Measured withRemarks(Remarks other) {
            return new Measured(id, load, server, serverStartLine, steady, client, repeats, other);
        }

        /** This result with the msgs/s of every repetition, itself being the median one. */
        public Measured withRepeats(List<Double> messagesPerSecond) {
            return new Measured(id, load, server, serverStartLine, steady, client, messagesPerSecond, remarks);
        }

        /** Measured msgs/s as a percentage of the ideal, or null when there is no ideal. */
        public Double percentOfIdeal() {
            Double ideal = remarks.idealMessagesPerSecond();
            return ideal != null && ideal > 0 ? 100 * load.throughput().messagesPerSecond() / ideal : null;
        }

        /**
         * The load client's own CPU time per measured message, in µs (its measured part only), as its report reckons it;
         * null when none was measured.
         */
        @JsonProperty(CLIENT_CPU_PER_MESSAGE)
        public Double clientCpuMicrosPerMessage() {
            return load.throughput().messages() > 0 ? load.clientCpuMicrosPerMessage() : null;
        }

        /**
         * Whether an open-loop cell's server kept up: measured msgs/s at least {@link #SUSTAINED_SHARE} of the offered
         * rate. Null for a closed loop, which offers no rate.
         */
        @JsonProperty(SUSTAINED)
        public Boolean sustained() {
            Double offered = id.offeredMessagesPerSecond();
            return offered == null ? null : load.throughput().messagesPerSecond() >= SUSTAINED_SHARE * offered;
        }

        @JsonProperty("failure")
        private String noFailure() {
            return null;
        }
    }

    /**
     * A cell without figures.
     *
     * @param failure the one-line reason
     */
    record Failed(Id id, String failure, Remarks remarks) implements CellResult {

        @Override
        public Failed withRemarks(Remarks other) {
            return new Failed(id, failure, other);
        }

        /** Every figure of a measured cell, as null (repeats: none), so that results.json's cells all have one shape. */
        @JsonAnyGetter
        private Map<String, Object> noFigures() {
            Map<String, Object> none = new LinkedHashMap<>();
            Arrays.stream(Measured.class.getRecordComponents()).map(RecordComponent::getName)
                    .filter(name -> !name.equals("id") && !name.equals("remarks")).forEach(name -> none.put(name, null));
            none.put(Measured.CLIENT_CPU_PER_MESSAGE, null);
            none.put(Measured.SUSTAINED, null);
            none.put("repeats", List.of());
            return none;
        }
    }

    /** A measured cell; its load client ran on the CPUs this JVM may use (compare pins itself with its client). */
    static Measured measured(Cell cell, LoadReport load, ServerCost server, String startLine) {
        return new Measured(Id.of(cell), load, server, startLine,
                Steadiness.of(Objects.requireNonNullElse(load.throughput().intervals(), List.of())), ClientLimit.ofThisJvm(load),
                List.of(load.throughput().messagesPerSecond()), Remarks.NONE);
    }

    static Failed failed(Cell cell, String reason) {
        return new Failed(Id.of(cell), reason, Remarks.NONE);
    }

    /** This result with its ideal throughput set. */
    default CellResult withIdeal(Double ideal) {
        return withRemarks(new Remarks(remarks().note(), remarks().serverSummary(), ideal));
    }

    /** This result with {@code more} added to its note (kept when null). */
    default CellResult withNote(String more) {
        String note = remarks().note();
        String joined = more == null ? note : note == null ? more : note + "; " + more;
        return withRemarks(new Remarks(joined, remarks().serverSummary(), remarks().idealMessagesPerSecond()));
    }

    /** This result with the server's closing counters line, which covers every cell its server served. */
    default CellResult withServerSummary(String summary) {
        return withRemarks(new Remarks(remarks().note(), summary, remarks().idealMessagesPerSecond()));
    }

    /** True when the cell was measured but its throughput had not settled: its figures are a first look, not a result. */
    default boolean unsettled() {
        return this instanceof Measured measured && !measured.steady().settled();
    }

    /** True when an open-loop cell was measured below its offered rate: its figures are not those of that load. */
    default boolean notSustained() {
        return this instanceof Measured measured && Boolean.FALSE.equals(measured.sustained());
    }

    /** True when the cell was measured with its load client busy all the time: its msgs/s is the client's limit. */
    default boolean clientBound() {
        return this instanceof Measured measured && measured.client().bound();
    }
}
