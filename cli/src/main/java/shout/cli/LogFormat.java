package shout.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.TimeZone;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Puts the JDK's logging (behind {@link System.Logger}) on one line per event. A user's own
 * {@code java.util.logging.config.file} wins.
 */
public final class LogFormat {

    private LogFormat() {
    }

    /**
     * Call once at process start, before the first log line. It also readies the logging machinery,
     * so a later warning needs no new file descriptor (see {@link #openLazilyLoadedFilesNow()}).
     */
    public static void oneLinePerEvent() {
        if (System.getProperty("java.util.logging.config.file") == null) {
            readBuiltInConfiguration();
            for (Handler handler : Logger.getLogger("").getHandlers()) {
                handler.setFormatter(new OneLine());
            }
        }
        openLazilyLoadedFilesNow();
    }

    /** {@code 2026-11-23 12:00:00 WARNING logger: message (java.io.IOException: cause)}: a thrown exception's summary, not its stack. */
    static final class OneLine extends Formatter {
        @Override
        public String format(LogRecord record) {
            Throwable thrown = record.getThrown();
            return String.format("%1$tF %1$tT %2$s %3$s: %4$s%5$s%n", record.getInstant().atZone(ZoneId.systemDefault()),
                    record.getLevel().getName(), record.getLoggerName(), formatMessage(record),
                    thrown == null ? "" : " (" + thrown + ")");
        }
    }

    /**
     * The first log line creates the handlers and the formatter loads the time-zone database from a
     * file. When that first line is the warning that descriptors are exhausted, the open fails and the
     * Error kills the thread that logs (it killed the accept loop). So do both while files can be opened.
     */
    private static void openLazilyLoadedFilesNow() {
        Logger.getLogger("").getHandlers();
        TimeZone.getDefault();
    }

    private static void readBuiltInConfiguration() {
        try (InputStream config = LogFormat.class.getResourceAsStream("/shout-logging.properties")) {
            if (config != null) {
                LogManager.getLogManager().readConfiguration(config);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the built-in logging configuration", e);
        }
    }
}
