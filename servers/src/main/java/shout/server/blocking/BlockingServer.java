package shout.server.blocking;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import shout.server.EchoServer;
import shout.server.Mode;
import shout.server.ServerConfig;
import shout.server.ServerStats;
import shout.server.support.AcceptLoop;
import shout.server.support.Admitted;
import shout.server.support.IdleTimeout;
import shout.server.support.Lifecycle;
import shout.server.support.Listener;

/**
 * The thread-based modes: one named thread accepts, and each admitted connection runs the
 * shared {@link BlockingConnection} loop on whatever the {@link Executor} provides: the accepting
 * thread itself (serial), a fixed pool, a new platform thread or a new virtual thread; the waits of
 * {@code fanout} work run on the mode's fan-out executor. Nothing else differs between those modes.
 */
public final class BlockingServer implements EchoServer {

    private final ServerConfig config;
    private final String description;
    private final ServerStats stats;
    private final ServerSocket listener;
    private final Executor workers;
    private final ExecutorService fanOut;
    private final BlockingWork work;
    private final Set<BlockingConnection> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private final IdleSweeper idleSweeper;
    private final TransformWarmUp warmUp;

    private BlockingServer(ServerConfig config, Mode mode, Thread.Builder acceptor, Executor workers, ExecutorService fanOut,
                           String threads) throws IOException {
        this.config = config;
        this.description = "mode=" + mode.cliName() + " " + threads;
        this.stats = new ServerStats(config.maxConnections());
        this.workers = workers;
        this.fanOut = fanOut;
        this.work = new BlockingWork(config.work(), fanOut);
        this.listener = Listener.bind(new ServerSocket(), config);
        this.acceptor = acceptor.name("echo-" + mode.cliName() + "-acceptor")
                .unstarted(new AcceptLoop<>(listener::accept, () -> !listener.isClosed(), stats, this::serve));
        this.idleSweeper = new IdleSweeper("echo-" + mode.cliName() + "-idle-sweeper", open, IdleTimeout.of(config));
        this.warmUp = new TransformWarmUp("echo-" + mode.cliName() + "-warm-up");
    }

    /**
     * Binds and starts accepting. {@code acceptor} makes the accepting thread: the virtual mode accepts on
     * a virtual thread, so that its connections' threads are started from inside the scheduler they run
     * on: with a platform acceptor some connections went unserved
     * (docs/findings.md#virtual-accepts-on-a-virtual-thread). {@code fanOut} runs the waits of {@code fanout}
     * work; the server owns both executors and shuts them down on close.
     */
    public static EchoServer start(ServerConfig config, Mode mode, Thread.Builder acceptor, Executor workers,
                                   ExecutorService fanOut, String threads) throws IOException {
        BlockingServer server;
        try {
            server = new BlockingServer(config, mode, acceptor, workers, fanOut, threads);
        } catch (IOException | RuntimeException e) {
            shutdown(workers);
            shutdown(fanOut);
            throw e;
        }
        server.warmUp.start();                        // before the first connection can need the transform
        server.idleSweeper.start();
        server.acceptor.start();
        return server;
    }

    @Override
    public int port() {
        return listener.getLocalPort();
    }

    @Override
    public String description() {
        return description;
    }

    /** The connection's thread writes each reply before it reads again: only the read buffer is held. */
    @Override
    public long maxUnsentBytesPerConnection() {
        return config.bufferBytes();
    }

    @Override
    public ServerStats stats() {
        return stats;
    }

    private void serve(Admitted<Socket> admitted) {
        BlockingConnection connection = new BlockingConnection(admitted, config, stats, work, open::remove);
        open.add(connection);
        try {
            workers.execute(connection);
        } catch (RejectedExecutionException e) {          // the pool is shutting down
            open.remove(connection);
            connection.close();
        }
    }

    @Override
    public void stopAccepting() {
        Listener.stopAccepting(listener);
    }

    @Override
    public void close() {
        stopAccepting();
        open.forEach(BlockingConnection::close);    // ends the serial mode's inline connection too
        Lifecycle.join(acceptor);
        open.forEach(BlockingConnection::close);    // one admitted while the listener was closing
        shutdown(workers);
        shutdown(fanOut);                           // after the connections' threads, the only ones that use it
        idleSweeper.stop();
        warmUp.join();
    }

    /** Stops a pool or per-task executor; its connections' sockets are already closed, so its tasks end. */
    private static void shutdown(Executor workers) {
        if (workers instanceof ExecutorService service) {
            service.shutdownNow();
            service.close();                          // waits for the tasks, keeping any interrupt for us
        }
    }
}
