package shout.cli;

import java.io.Console;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Whether a standard stream is a terminal a person watches or types into, not a pipe or a file: the
 * one check behind chat's prompt and load's redrawn progress line. {@code System.console() != null}
 * is not that check: JDK 22 to 24 return a console for piped input too.
 */
public final class Terminal {

    private static final System.Logger LOGGER = System.getLogger(Terminal.class.getName());

    private Terminal() {
    }

    /** True when standard input is a terminal: someone types the lines. */
    public static boolean stdin() {
        return isTerminal(0);
    }

    /** True when standard error is a terminal: a line there may redraw in place. */
    public static boolean stderr() {
        return isTerminal(2);
    }

    /** True for a terminal's device, such as {@code /dev/pts/3}; false for {@code pipe:[1234]}, a file or /dev/null. */
    static boolean isTerminalDevice(String device) {
        return device.startsWith("/dev/pts/") || device.startsWith("/dev/tty");
    }

    private static boolean isTerminal(int fd) {
        Path link = Path.of("/proc/self/fd/" + fd);
        try {
            if (Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                return isTerminalDevice(Files.readSymbolicLink(link).toString());
            }
        } catch (IOException | UnsupportedOperationException e) {
            LOGGER.log(System.Logger.Level.DEBUG, "cannot read " + link, e);
        }
        return consoleIsTerminal();                         // no /proc: judge by the console, which covers stdin and stdout
    }

    private static boolean consoleIsTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {   // JDK 22+ returns a Console even for redirected streams and says so here; JDK 21 has no such method
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (IllegalAccessException | InvocationTargetException e) {
            LOGGER.log(System.Logger.Level.DEBUG, "Console.isTerminal failed", e);
            return false;
        }
    }
}
