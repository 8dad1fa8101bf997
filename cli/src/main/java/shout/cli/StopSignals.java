package shout.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGTERM and SIGINT handling for a shout process. The JVM's own handling would run shutdown hooks
 * and exit with 143 or 130 at once; this lets the first signal start a clean stop (a server's graceful
 * stop, a load run's summary) and the second one cut it short. Install it only from a real process
 * entry, never from an in-process test: signal handlers belong to the whole JVM. The handlers run on
 * the JVM's signal-dispatch threads.
 */
public final class StopSignals implements AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(StopSignals.class.getName());
    private static final List<String> NAMES = List.of("TERM", "INT");

    private final List<Signal> signals = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();

    private StopSignals() {
    }

    /**
     * Handles SIGTERM and SIGINT from now on: the first one runs {@code clean}, any later one
     * {@code immediate}. Until {@link #close}, which puts back the handlers found here.
     */
    public static StopSignals install(Runnable clean, Runnable immediate) {
        AtomicInteger received = new AtomicInteger();
        StopSignals installed = new StopSignals();
        for (String name : NAMES) {
            Signal signal = new Signal(name);
            installed.signals.add(signal);
            installed.previous.add(Signal.handle(signal, s -> {
                if (received.incrementAndGet() == 1) {
                    LOGGER.log(System.Logger.Level.INFO, "SIG{0}: stopping cleanly (again to stop at once)", s.getName());
                    clean.run();
                } else {
                    LOGGER.log(System.Logger.Level.INFO, "SIG{0} again: stopping now", s.getName());
                    immediate.run();
                }
            }));
        }
        return installed;
    }

    /** Puts back the handlers that were there before {@link #install}; calling it again is harmless. */
    @Override
    public void close() {
        for (int i = 0; i < signals.size(); i++) {
            Signal.handle(signals.get(i), previous.get(i));
        }
        signals.clear();
        previous.clear();
    }
}
