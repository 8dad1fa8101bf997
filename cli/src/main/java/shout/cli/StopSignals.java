package shout.cli;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGTERM and SIGINT handling for a shout process. The JVM's own handling would run shutdown hooks and
 * exit with 143 (130 for Ctrl-C); this lets the first signal start a graceful stop and the second one cut
 * it short, and remembers which signal came first, so a run that stops early can still exit 128 + that
 * signal. Handlers run on a thread of the JVM's own, so both actions must be thread-safe. Only a real
 * process entry installs them, never an in-process test; {@link #close()} puts the previous ones back.
 */
public final class StopSignals implements AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(StopSignals.class.getName());
    private static final List<String> NAMES = List.of("TERM", "INT");

    private final List<SignalHandler> previous;
    private final AtomicReference<ExitCode> first;

    private StopSignals(List<SignalHandler> previous, AtomicReference<ExitCode> first) {
        this.previous = previous;
        this.first = first;
    }

    /**
     * Installs the handlers: the first signal runs {@code graceful}, any later one {@code immediate}, which is
     * given the first signal's exit code ({@link ExitCode#stoppedBy}).
     */
    public static StopSignals install(Runnable graceful, Consumer<ExitCode> immediate) {
        AtomicReference<ExitCode> first = new AtomicReference<>();
        SignalHandler handler = signal -> {
            if (first.compareAndSet(null, ExitCode.stoppedBy(signal.getNumber()))) {
                LOGGER.log(System.Logger.Level.INFO, "SIG{0}: stopping gracefully", signal.getName());
                graceful.run();
            } else {
                LOGGER.log(System.Logger.Level.INFO, "SIG{0} again: stopping now", signal.getName());
                immediate.accept(first.get());
            }
        };
        return new StopSignals(NAMES.stream().map(name -> Signal.handle(new Signal(name), handler)).toList(), first);
    }

    /** The exit code of the first signal received ({@code 130} for SIGINT, {@code 143} for SIGTERM), or empty before one came; also after {@link #close}. */
    public Optional<ExitCode> received() {
        return Optional.ofNullable(first.get());
    }

    /** Puts back the handlers that were there before {@link #install}, so later signals get the JVM's default. */
    @Override
    public void close() {
        for (int i = 0; i < NAMES.size(); i++) {
            Signal.handle(new Signal(NAMES.get(i)), previous.get(i));
        }
    }
}
