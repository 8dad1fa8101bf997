package shout.cli;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGTERM and SIGINT handling for a shout process. The JVM's own handling would run shutdown hooks and
 * exit with 143 (130 for Ctrl-C); this lets the first signal start a graceful stop and the second one cut
 * it short. Handlers run on a thread of the JVM's own, so both actions must be thread-safe. Only a real
 * process entry installs them, never an in-process test; {@link #close()} puts the previous ones back.
 */
public final class StopSignals implements AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(StopSignals.class.getName());
    private static final List<String> NAMES = List.of("TERM", "INT");

    private final List<SignalHandler> previous;

    private StopSignals(List<SignalHandler> previous) {
        this.previous = previous;
    }

    /** Installs the handlers: the first signal runs {@code graceful}, any later one {@code immediate}. */
    public static StopSignals install(Runnable graceful, Runnable immediate) {
        AtomicInteger received = new AtomicInteger();
        SignalHandler handler = signal -> {
            if (received.incrementAndGet() == 1) {
                LOGGER.log(System.Logger.Level.INFO, "SIG{0}: stopping gracefully", signal.getName());
                graceful.run();
            } else {
                LOGGER.log(System.Logger.Level.INFO, "SIG{0} again: stopping now", signal.getName());
                immediate.run();
            }
        };
        return new StopSignals(NAMES.stream().map(name -> Signal.handle(new Signal(name), handler)).toList());
    }

    /** Puts back the handlers that were there before {@link #install}, so later signals get the JVM's default. */
    @Override
    public void close() {
        for (int i = 0; i < NAMES.size(); i++) {
            Signal.handle(new Signal(NAMES.get(i)), previous.get(i));
        }
    }
}
