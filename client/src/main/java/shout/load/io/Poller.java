package shout.load.io;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Locale;
import shout.load.ErrorKind;
import shout.load.IoEngine;

/**
 * One I/O thread's sockets and the wait for them to be ready. Two implementations: the JDK's
 * selector ({@link NioPoller}), which runs everywhere, and Linux epoll called directly through the
 * foreign function API ({@code EpollPoller}, JDK 22 and later), which spends less per message: it
 * skips the selector's key bookkeeping and the channels' locks and reads and writes with
 * {@code recv}/{@code send}. Confined to the thread that polls, except {@link #wakeup}.
 *
 * @param <T> what each socket carries, handed back when it is ready: the caller's connection
 */
public interface Poller<T> extends AutoCloseable {

    /** What a poll found ready. */
    interface Handler<T> {
        void ready(T attachment, boolean readable, boolean writable);
    }

    /**
     * Opens a non-blocking socket with TCP_NODELAY, binds it to {@code source} unless that is null, and
     * begins connecting it; the poller reports the attachment ready when the connect settles, unless
     * {@link PolledSocket#finishConnect} says at once that it is connected. Closes the socket itself if
     * this throws; a failed bind throws an exception that {@link #classify} counts as {@link ErrorKind#BIND}.
     */
    PolledSocket connect(InetSocketAddress address, InetAddress source, T attachment) throws IOException;

    /**
     * Waits up to {@code timeoutNanos} (0: not at all) and hands every ready socket's attachment to the
     * handler. A poller that cannot time waits that short returns early rather than late, so the open
     * loop's sends stay on time.
     */
    void poll(long timeoutNanos, Handler<? super T> handler) throws IOException;

    /**
     * Sleeps {@code sleepNanos} whatever becomes ready meanwhile (only {@link #wakeup} ends it early), then
     * hands every socket ready by then to the handler without waiting again: one wake-up for however many
     * replies came. The epoll engine does so; the selector's falls back to {@link #poll}. Where a poller does
     * sleep through readiness, its sockets' {@link PolledSocket#arrivalNanos} should be the kernel's stamp.
     */
    default void pollAfter(long sleepNanos, Handler<? super T> handler) throws IOException {
        poll(sleepNanos, handler);
    }

    /** Makes a poll in progress, or the next one, return at once. Any thread may call it. */
    void wakeup();

    /** The engine's name as {@code --io} spells it: {@code nio} or {@code epoll}. */
    String engine();

    @Override
    void close();

    /**
     * The report's kind of a failure a poller or its sockets threw: from errno where the engine has
     * it, else from what the JDK's exception says. {@code connecting} tells a failed connect from a
     * failure on an established connection.
     */
    static ErrorKind classify(IOException failure, boolean connecting) {
        if (failure instanceof SourceBindException) {
            return ErrorKind.BIND;
        }
        return failure instanceof ErrnoException errno ? errno.kind(connecting) : NioPoller.classify(failure, connecting);
    }

    /**
     * The engine {@code --io} asked for. {@code auto} falls back to the selector where epoll cannot run
     * (another OS, JDK 21, or a jar built on JDK 21 without the engine); {@code epoll} fails instead.
     * With {@code stampArrivals}, an engine that can has the kernel stamp each socket's received bytes
     * ({@link PolledSocket#arrivalNanos}); a reply read late is then still timed when it came.
     */
    static <T> Poller<T> open(IoEngine engine, boolean stampArrivals) throws IOException {
        if (engine == IoEngine.NIO) {
            return new NioPoller<>();
        }
        if (!epollAvailable()) {
            if (engine == IoEngine.EPOLL) {
                throw new IOException("--io epoll needs Linux on x86-64 or aarch64 and a JDK 22 or newer (this is "
                        + System.getProperty("os.name") + " on " + System.getProperty("os.arch")
                        + ", Java " + Runtime.version().feature() + ")");
            }
            return new NioPoller<>();
        }
        try {
            return openEpoll(stampArrivals);
        } catch (IOException e) {
            if (engine == IoEngine.EPOLL) {
                throw e;
            }
            System.getLogger(Poller.class.getName()).log(System.Logger.Level.DEBUG, "epoll unavailable, using nio: {0}", e.getMessage());
            return new NioPoller<>();
        }
    }

    /**
     * True on Linux with a JDK whose foreign function API is final (22+), on the two architectures
     * whose C constants {@code Libc} spells out (x86-64 and aarch64 share them).
     */
    static boolean epollAvailable() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")
                && System.getProperty("os.arch", "").matches("amd64|x86_64|aarch64")
                && Runtime.version().feature() >= 22;
    }

    /** The epoll poller is compiled for Java 22, so it is only looked up once the JDK is known to be one. */
    @SuppressWarnings("unchecked")      // it stores attachments as they come and hands them back
    private static <T> Poller<T> openEpoll(boolean stampArrivals) throws IOException {
        try {
            return (Poller<T>) Class.forName("shout.load.io.EpollPoller").getDeclaredConstructor(boolean.class)
                    .newInstance(stampArrivals);
        } catch (ClassNotFoundException e) {
            throw new IOException("this build has no epoll engine (it was built on a JDK older than 22; rebuild on 22+ or use --io nio)", e);
        } catch (InvocationTargetException e) {
            throw new IOException("cannot start the epoll I/O engine: " + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IOException("cannot start the epoll I/O engine: " + e, e);
        }
    }
}
