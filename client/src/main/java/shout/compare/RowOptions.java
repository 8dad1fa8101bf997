package shout.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import picocli.CommandLine.Option;
import shout.compare.plan.ComparePlan;
import shout.compare.plan.PeerConverter;
import shout.compare.plan.Target;
import shout.compare.plan.VariantConverter;
import shout.compare.process.PeerProcess;
import shout.server.Mode;
import shout.server.options.ServerOptions;

/** The options that choose compare's rows: modes, variants and running peers ({@code @Mixin} of {@link CompareCommand}). */
final class RowOptions {

    @Option(names = "--modes", split = ",", paramLabel = "MODE", converter = ServerOptions.ModeOption.class,
            description = "Modes to compare, comma separated: ${COMPLETION-CANDIDATES} (default: all).",
            completionCandidates = ServerOptions.ModeOption.class)
    private List<Mode> modes;

    @Option(names = "--variant", paramLabel = "LABEL=MODE[:ARG,...]", converter = VariantConverter.class,
            description = "One more row: a mode with its own server arguments, repeatable: 'nio-2proc=nio:--processes=2,--threads=1'.")
    private List<Target.Server> variants = new ArrayList<>();

    @Option(names = "--peer", paramLabel = PeerConverter.SYNTAX, converter = PeerConverter.class,
            description = "An already-running server to measure as one more row, repeatable. "
                    + "pid=N names its process (it must be the one listening there), so that its memory, threads and CPU "
                    + "are measured as a mode's (without it: n/a); expect=echo checks its replies as a "
                    + "plain echo server's, each byte equal to the byte sent (default: upper, our protocol).")
    private List<Target.Peer> peers = new ArrayList<>();

    /** The modes {@code --modes} asked for, or null for all (a scenario's own). */
    List<Mode> modes() {
        return modes;
    }

    List<Target.Peer> peers() {
        return peers;
    }

    /** Every row: modes first (each once), then variants, then peers. */
    List<Target> targets() {
        List<Target> targets = new ArrayList<>();
        (modes == null ? Arrays.asList(Mode.values()) : modes).stream().distinct().map(Target.Server::new).forEach(targets::add);
        targets.addAll(variants);
        targets.addAll(peers);
        return targets;
    }

    /** A row name given twice, or a {@code pid=} that is not a live process listening on its peer's port, in one line; else null. */
    String mistake() {
        return Optional.ofNullable(ComparePlan.duplicateName(targets())).orElseGet(this::peerProcessMistake);
    }

    private String peerProcessMistake() {
        return peers.stream().filter(peer -> peer.pid().isPresent())
                .map(peer -> Optional.ofNullable(PeerProcess.problem(peer.pid().getAsLong(), peer.port()))
                        .map(problem -> "peer " + peer.name() + ": " + problem).orElse(null))
                .filter(Objects::nonNull).findFirst().orElse(null);
    }
}
