package shout.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.logging.LogManager;

/**
 * Puts the JDK's logging (behind {@link System.Logger}) on one line per event. A user's own
 * {@code java.util.logging.config.file} wins.
 */
public final class LogFormat {

    private LogFormat() {
    }

    /** Call once at process start, before the first log line. */
    public static void oneLinePerEvent() {
        if (System.getProperty("java.util.logging.config.file") != null) {
            return;
        }
        try (InputStream config = LogFormat.class.getResourceAsStream("/shout-logging.properties")) {
            if (config != null) {
                LogManager.getLogManager().readConfiguration(config);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the built-in logging configuration", e);
        }
    }
}
