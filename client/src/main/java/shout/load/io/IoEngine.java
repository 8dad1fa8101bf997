package shout.load.io;

import shout.cli.Cli;
import java.io.IOException;
import java.util.Locale;

/** How the load client does its I/O: {@code --io}. */
public enum IoEngine {
    /** epoll where it is available, else the JDK's selector. */
    AUTO,
    /** The JDK's selector and socket channels: any platform, any JDK 21+. */
    NIO,
    /** Linux epoll, recv and send called directly: Linux on x86-64 or aarch64 with JDK 22+ only. */
    EPOLL;

    private static final String EPOLL_POLLER = "shout.load.io.EpollPoller";

    /** Reads {@code auto}, {@code nio} or {@code epoll} in any case. */
    public static final class Converter implements picocli.CommandLine.ITypeConverter<IoEngine> {
        @Override
        public IoEngine convert(String value) {
            return Cli.parseEnum(IoEngine.class, value, "I/O engine");
        }
    }

    /** {@code auto, nio, epoll}, for the help text. */
    public static final class Names implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(values()).map(e -> e.name().toLowerCase(Locale.ROOT)).iterator();
        }
    }

    /**
     * True on Linux with a JDK whose foreign function API is final (22+), on the two architectures
     * whose C constants {@code Libc} spells out (x86-64 and aarch64 share them).
     */
    public static boolean epollAvailable() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")
                && System.getProperty("os.arch", "").matches("amd64|x86_64|aarch64")
                && Runtime.version().feature() >= 22;
    }

    static String platform() {
        return System.getProperty("os.name") + " on " + System.getProperty("os.arch") + ", Java " + Runtime.version().feature();
    }

    /** The epoll poller is compiled for Java 22, so it is only looked up once the JDK is known to be one. */
    static Poller openEpoll() throws IOException {
        try {
            return (Poller) Class.forName(EPOLL_POLLER).getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new IOException("this build has no epoll engine (it was built on a JDK older than 22; rebuild on 22+ or use --io nio)", e);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new IOException("cannot start the epoll I/O engine: " + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IOException("cannot start the epoll I/O engine: " + e, e);
        }
    }
}
