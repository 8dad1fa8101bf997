package shout.load.io;

import shout.load.engine.LoadConnection;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * One I/O thread's sockets and the wait for them to be ready. Two implementations: the JDK's
 * selector ({@link NioPoller}), which runs everywhere, and Linux epoll called directly through the
 * foreign function API ({@code EpollPoller}, JDK 22 and later), which spends less per message: it
 * skips the selector's key bookkeeping and the channels' locks and reads and writes with
 * {@code recv}/{@code send}. Confined to the thread that polls, except {@link #wakeup}.
 */
public interface Poller extends AutoCloseable {

    /** What a poll found ready. */
    interface Handler {
        void ready(LoadConnection connection, boolean readable, boolean writable);
    }

    /**
     * Opens a non-blocking socket with TCP_NODELAY and begins connecting it; the poller reports the
     * connection ready when the connect settles, unless {@link PolledSocket#finishConnect} says at once
     * that it is connected. Closes the socket itself if this throws.
     */
    PolledSocket connect(InetSocketAddress address, LoadConnection connection) throws IOException;

    /**
     * Waits up to {@code timeoutNanos} (0: not at all) and hands every ready connection to the handler.
     * A poller that cannot time waits that short returns early rather than late, so the open loop's
     * sends stay on time.
     */
    void poll(long timeoutNanos, Handler handler) throws IOException;

    /** Makes a poll in progress, or the next one, return at once. Any thread may call it. */
    void wakeup();

    /** The engine's name as {@code --io} spells it: {@code nio} or {@code epoll}. */
    String engine();

    @Override
    void close();

    /**
     * The engine {@code --io} asked for. {@code auto} falls back to the selector where epoll cannot run
     * (another OS, JDK 21, or a jar built on JDK 21 without the engine); {@code epoll} fails instead.
     */
    static Poller open(IoEngine engine) throws IOException {
        if (engine == IoEngine.NIO) {
            return new NioPoller();
        }
        if (!IoEngine.epollAvailable()) {
            if (engine == IoEngine.EPOLL) {
                throw new IOException("--io epoll needs Linux on x86-64 or aarch64 and a JDK 22 or newer (this is "
                        + IoEngine.platform() + ")");
            }
            return new NioPoller();
        }
        try {
            return IoEngine.openEpoll();
        } catch (IOException e) {
            if (engine == IoEngine.EPOLL) {
                throw e;
            }
            System.getLogger(Poller.class.getName()).log(System.Logger.Level.DEBUG, "epoll unavailable, using nio: {0}", e.getMessage());
            return new NioPoller();
        }
    }
}
