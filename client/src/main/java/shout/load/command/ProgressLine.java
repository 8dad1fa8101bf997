package shout.load.command;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import shout.cli.Durations;
import shout.load.LoadObserver;
import shout.load.LoadProgress;
import shout.load.Phase;

/**
 * The live progress on standard error, so it never mixes with a summary or JSON on standard output. On
 * a terminal one line redraws in place each second and {@link #finish} clears it; elsewhere (a CI log,
 * a file) a plain line every interval shows that a long run is alive. The engine reports once a
 * second, so an interval below a second means every second.
 */
final class ProgressLine implements LoadObserver {

    /** The time of day of {@code --start-at}, in UTC as the C clients' logs would print it: {@code 20:15:00Z}. */
    private static final DateTimeFormatter WAIT_FORMAT = DateTimeFormatter.ofPattern("HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final PrintWriter err;
    private final boolean terminal;
    private final double intervalSeconds;
    private final Instant startAt;
    private double nextLineSeconds;
    private int lastLength;

    /** @param interval between plain lines; on a terminal the line redraws every second */
    ProgressLine(PrintWriter err, boolean terminal, Duration interval) {
        this(err, terminal, interval, null);
    }

    /** @param startAt the run's {@code --start-at}, shown while waiting for it; null when none */
    ProgressLine(PrintWriter err, boolean terminal, Duration interval, Instant startAt) {
        this.err = err;
        this.terminal = terminal;
        this.intervalSeconds = interval.toNanos() / 1e9;
        this.startAt = startAt;
    }

    @Override
    public void progress(LoadProgress progress) {
        String text = String.format(Locale.ROOT, "%6.1f s  %-10s  %d connections up  %.0f msgs/s  p99 %s",
                progress.elapsedSeconds(), label(progress.phase()), progress.connectionsUp(), progress.messagesPerSecond(),
                progress.p99Micros() > 0 ? Durations.readable(progress.p99Micros()) : "-");   // nothing measured yet
        if (terminal) {
            err.print("\r" + text + " ".repeat(Math.max(0, lastLength - text.length())));
            lastLength = text.length();
        } else if (progress.elapsedSeconds() + 0.05 >= nextLineSeconds) {    // ticks come a few ms late or early
            err.println(text);
            nextLineSeconds = progress.elapsedSeconds() + intervalSeconds;
        }
        err.flush();
    }

    /** Clears a redrawn line so the summary starts at the left margin. */
    void finish() {
        if (lastLength > 0) {
            err.print("\r" + " ".repeat(lastLength) + "\r");
            err.flush();
            lastLength = 0;
        }
    }

    private String label(Phase phase) {
        return switch (phase) {
            case CONNECT -> "connecting";
            case WAIT -> "waiting for " + WAIT_FORMAT.format(startAt) + " ("
                    + Math.max(0, (Duration.between(Instant.now(), startAt).toMillis() + 999) / 1000) + " s)";
            case WARMUP -> "warming up";
            case MEASURE, STOP -> "measuring";
        };
    }
}
