package shout.load.command;

import java.io.Console;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.util.Locale;
import shout.load.LoadObserver;
import shout.load.LoadProgress;
import shout.load.Phase;

/** The live progress line on a terminal, redrawn in place once a second; {@link #finish} clears it. */
final class ProgressLine implements LoadObserver {

    private final PrintWriter out;
    private int lastLength;

    ProgressLine(PrintWriter out) {
        this.out = out;
    }

    /** True when standard output is a terminal a person watches, not a pipe or a file. */
    static boolean isTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {   // JDK 22+ returns a Console even for redirected streams and says so here; JDK 21 has no such method
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (IllegalAccessException | InvocationTargetException e) {
            System.getLogger(ProgressLine.class.getName()).log(System.Logger.Level.DEBUG, "Console.isTerminal failed", e);
            return false;
        }
    }

    @Override
    public void progress(LoadProgress progress) {
        String text = String.format(Locale.ROOT, "%6.1f s  %-10s %d connections up  %.0f msgs/s  p99 %.1f µs",
                progress.elapsedSeconds(), label(progress.phase()), progress.connectionsUp(),
                progress.messagesPerSecond(), progress.p99Micros());
        out.print("\r" + text + " ".repeat(Math.max(0, lastLength - text.length())));
        out.flush();
        lastLength = text.length();
    }

    /** Clears the line so the summary starts at the left margin. */
    void finish() {
        if (lastLength > 0) {
            out.print("\r" + " ".repeat(lastLength) + "\r");
            out.flush();
            lastLength = 0;
        }
    }

    private static String label(Phase phase) {
        return switch (phase) {
            case CONNECT -> "connecting";
            case WARMUP -> "warming up";
            case MEASURE, STOP -> "measuring";
        };
    }
}
