package shout.server.app;

import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT handling for a server process. The JVM's own handling would run shutdown hooks
 * and exit with 143; this lets the first signal start a graceful stop (exit 0) and the second one
 * cut it short.
 */
final class StopSignals {

    private static final System.Logger LOGGER = System.getLogger(StopSignals.class.getName());

    private StopSignals() {
    }

    static void install(Runnable graceful, Runnable immediate) {
        AtomicInteger received = new AtomicInteger();
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), signal -> {
                if (received.incrementAndGet() == 1) {
                    LOGGER.log(System.Logger.Level.INFO, "SIG{0}: stopping gracefully", signal.getName());
                    graceful.run();
                } else {
                    LOGGER.log(System.Logger.Level.INFO, "SIG{0} again: stopping now", signal.getName());
                    immediate.run();
                }
            });
        }
    }
}
