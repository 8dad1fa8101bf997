package shout.compare.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import shout.load.MessageShape;
import shout.server.Mode;
import shout.server.Work;

/**
 * {@code --scenario echo-grid}: the grid that published io_uring and async-runtime echo benchmarks measure, 128, 512
 * and 1,000-byte messages at 1 to 1,000 connections, so that a reader can hold our figures beside theirs. One part
 * per size, each with the same rows (our modes, then any peers, such as Netty's echo example checked as plain echo)
 * and connection counts, no server work; the announcement's estimate is the sum of the parts' plans.
 */
final class EchoGridScenario {

    static final List<Integer> SIZES = List.of(128, 512, 1000);
    static final String SIZES_TEXT = SIZES.stream().map(String::valueOf).collect(Collectors.joining(", ")) + " bytes";
    static final List<Integer> CONNECTIONS = List.of(1, 50, 150, 300, 500, 1000);
    static final List<Mode> MODES = List.of(Mode.BLOCKING, Mode.VIRTUAL, Mode.NIO, Mode.NETTY);

    private EchoGridScenario() {
    }

    /** The parts, one per size, each cell measured as {@code cells} says but for its size; see {@link Scenario#parts}. */
    static List<ComparePart> parts(CellSettings cells, CpuPinning pinned, int machineCores, List<Mode> modes,
                                   List<Target.Peer> peers) {
        List<Target> targets = new ArrayList<>();
        (modes == null ? MODES : modes).stream().distinct().map(Target.Server::new).forEach(targets::add);
        targets.addAll(peers);
        List<String> notes = notes(pinned, machineCores);
        return SIZES.stream().map(size -> new ComparePart(size + "-byte messages", notes,
                new ComparePlan(targets, CONNECTIONS, sized(cells, size)), new ServerWork(Work.NONE, false), List.of(), pinned))
                .toList();
    }

    private static CellSettings sized(CellSettings cells, int sizeBytes) {
        return new CellSettings(new MessageShape(sizeBytes, cells.shape().pipeline()), cells.warmup(), cells.duration(),
                cells.repeat(), cells.jitWarmup());
    }

    /** What this grid's figures can and cannot be held beside. */
    private static List<String> notes(CpuPinning pinned, int machineCores) {
        int client = pinned.clientCpuCount(machineCores);
        int server = pinned.serverCpuCount(machineCores);
        return List.of(
                "The published echo tables this grid copies gave the load client several cores per server core; here the "
                        + "client has " + client + " CPU" + (client == 1 ? "" : "s") + " for the server's " + server + ".",
                "Over loopback the client pays about as much kernel time per message as the server, so one client core "
                        + "cannot drive a fast server to its limit: cells marked client-bound (^) show the client's msgs/s, not "
                        + "the server's, and there the servers differ by what they spent for the same traffic (CPU s over "
                        + "messages), not by msgs/s. Hold our msgs/s beside a published table only where no cell is marked.",
                "Rows checked as plain echo (replies equal to what was sent) are named under the table; the others are checked "
                        + "upper-cased.");
    }
}
