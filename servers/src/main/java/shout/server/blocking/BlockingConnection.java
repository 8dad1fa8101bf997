package shout.server.blocking;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.function.Consumer;
import shout.server.ServerConfig;
import shout.server.ServerStats;
import shout.server.UpperCase;
import shout.server.support.Admitted;
import shout.server.support.ConnectionOptions;
import shout.server.support.IdleTimeout;

/**
 * The per-connection blocking loop, written once for every thread-based mode: read a chunk, do the
 * configured work ({@link BlockingWork}), upper-case it in place, write it back. Because the write
 * blocks until the bytes are taken, a client that does not read stops this loop from reading: TCP
 * itself pushes back, and the connection never holds more than one buffer. The idle timeout is enforced from outside, by the
 * {@link IdleSweeper} closing the socket, so no read arms a timer.
 */
final class BlockingConnection implements Runnable {

    private static final System.Logger LOGGER = System.getLogger(BlockingConnection.class.getName());
    /**
     * What a connection reads into while its reads stay small: an idle connection waits holding only
     * this, not the full {@link ServerConfig#bufferBytes()}, which is what a thread costs per idle
     * connection beyond its stack.
     */
    static final int SMALL_READ_BYTES = 1024;

    private final Admitted<Socket> admitted;
    private final Socket socket;
    private final ServerConfig config;
    private final ServerStats stats;
    private final BlockingWork work;
    private final Consumer<BlockingConnection> onClose;
    private volatile boolean serving;
    private volatile boolean closedIdle;
    /** When a byte last went either way; written by the connection's thread, read by the sweeper. */
    private volatile long lastActivityNanos;

    BlockingConnection(Admitted<Socket> admitted, ServerConfig config, ServerStats stats, BlockingWork work,
                       Consumer<BlockingConnection> onClose) {
        this.admitted = admitted;
        this.socket = admitted.connection();
        this.config = config;
        this.stats = stats;
        this.work = work;
        this.onClose = onClose;
    }

    @Override
    public void run() {
        lastActivityNanos = System.nanoTime();
        serving = true;                               // from now on the sweeper times it: a queued connection is not idle
        try (admitted) {
            ConnectionOptions.apply(socket);
            echoUntilEndOfInput(socket.getInputStream(), socket.getOutputStream());
            socket.shutdownOutput();                  // input ended and everything owed is written
        } catch (IOException e) {
            if (!closedIdle) {
                LOGGER.log(System.Logger.Level.DEBUG, "connection {0} ended: {1}", socket.getRemoteSocketAddress(), e.toString());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();       // the server is closing; the socket closes with the try
        } finally {
            onClose.accept(this);
        }
    }

    /**
     * Closes the connection if no byte went either way for longer than the idle timeout; the blocked
     * read or write then fails and the loop ends. A write that blocks on a client that does not read
     * is not progress. Called by the sweeper.
     */
    void closeIfIdle(long nowNanos, IdleTimeout idleTimeout) {
        if (serving && !closedIdle && idleTimeout.expired(lastActivityNanos, nowNanos)) {
            closedIdle = true;
            IdleTimeout.closing(stats, socket.getRemoteSocketAddress());
            admitted.close();
        }
    }

    /** Closes the socket and releases the permit; safe from any thread, and twice. */
    void close() {
        admitted.close();
    }

    /**
     * After each reply a platform thread yields its core. Without that, a thread whose client answers
     * fast finds its next message already there and keeps the core for its whole time slice, and with
     * hundreds of such threads a thread just started for a new connection waits for its first turn
     * (docs/findings.md#blocking-yields-after-each-reply). A virtual thread does not: JDK 25's scheduler
     * runs yielded threads from its carrier's own queue before the poller that wakes the threads whose
     * read parked, which buys throughput at the price of the tail (docs/findings.md#virtual-does-not-yield).
     */
    private void echoUntilEndOfInput(InputStream in, OutputStream out) throws IOException, InterruptedException {
        byte[] small = new byte[Math.min(SMALL_READ_BYTES, config.bufferBytes())];
        boolean yieldAfterReply = !Thread.currentThread().isVirtual();
        for (byte[] buffer = small; buffer != null; ) {
            buffer = replyToOneRead(in, out, buffer, small, yieldAfterReply);
        }
    }

    /**
     * One read and its reply: the buffer for the next read, or null once the input ended. A method of its
     * own so that a new thread runs compiled code from its first message. A loop that few calls ever
     * entered gets only an on-stack-replacement compilation, and an interpreted frame moves onto it only
     * when its own thread trips the method's back-edge counter, which all threads share and which calls
     * back once per 1,024 iterations: with a thousand threads just started, most of them ran their loop in
     * the interpreter for seconds (docs/findings.md#compiled-code-from-a-new-threads-first-message). This way
     * the loop that stays interpreted makes one call a message.
     */
    private byte[] replyToOneRead(InputStream in, OutputStream out, byte[] buffer, byte[] small, boolean yieldAfterReply)
            throws IOException, InterruptedException {
        int n = in.read(buffer);
        if (n <= 0) {
            return null;
        }
        lastActivityNanos = System.nanoTime();
        stats.received(n);
        work.perform(buffer[0]);
        UpperCase.inPlace(buffer, 0, n);
        out.write(buffer, 0, n);
        lastActivityNanos = System.nanoTime();
        stats.sent(n);
        if (yieldAfterReply) {
            Thread.yield();
        }
        return nextBuffer(buffer, small, n);
    }

    /**
     * A read that filled the buffer says more is coming: the next read gets the full-size buffer. Once
     * reads fit the small one again the large one is dropped, so a quiet connection holds only the small.
     */
    private byte[] nextBuffer(byte[] buffer, byte[] small, int read) {
        if (read == buffer.length && buffer.length < config.bufferBytes()) {
            return new byte[config.bufferBytes()];
        }
        return read < small.length ? small : buffer;
    }
}
