package shout.server.nio;

import java.io.IOException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.locks.ReentrantLock;
import shout.server.EchoServer;
import shout.server.Mode;
import shout.server.ServerConfig;
import shout.server.ServerStats;
import shout.server.support.AcceptLoop;
import shout.server.support.Admitted;
import shout.server.support.Lifecycle;
import shout.server.support.Listener;
import shout.server.work.OffloadPool;
import shout.server.work.WorkPolicy;

/**
 * The selector mode: non-blocking {@code java.nio} loops, one acceptor and {@code threads} reactors.
 *
 * <p>Threading: {@code echo-nio-acceptor} blocks in {@code accept()}, admits each connection against
 * the cap and hands it round-robin to a {@link NioReactor} ({@code echo-nio-reactor-N}), which owns it
 * from then on. Work is carried out as the {@link WorkPolicy} plans it; offloaded work runs on the
 * {@link OffloadPool} ({@code echo-nio-offload-N}) and the reply goes back to the owning reactor to be
 * written. Any thread may call the lifecycle methods.
 */
public final class NioSelectorServer implements EchoServer {

    private final ServerConfig config;
    private final ServerStats stats;
    private final ServerSocketChannel listener;
    private final WorkPolicy policy;
    private final OffloadPool offload;
    private final NioReactor[] reactors;
    private final Thread acceptor;
    private final ReentrantLock closeLock = new ReentrantLock();
    private int nextReactor;

    private NioSelectorServer(ServerConfig config, ServerSocketChannel listener) {
        this.config = config;
        this.stats = new ServerStats(config.maxConnections());
        this.listener = listener;
        this.policy = WorkPolicy.of(config);
        this.offload = OffloadPool.start(policy, Mode.NIO, config.threads());
        this.reactors = new NioReactor[config.threads()];
        this.acceptor = Thread.ofPlatform().name("echo-nio-acceptor")
                .unstarted(new AcceptLoop<>(listener::accept, listener::isOpen, stats, this::handOff));
    }

    /** Binds, starts the reactors and the acceptor, and returns once connections are accepted. */
    public static EchoServer start(ServerConfig config) throws IOException {
        ServerSocketChannel listener = ServerSocketChannel.open();
        Listener.bind(listener.socket(), config);       // closing the socket closes the channel
        NioSelectorServer server = new NioSelectorServer(config, listener);
        try {
            for (int i = 0; i < server.reactors.length; i++) {
                server.reactors[i] = new NioReactor(i, config, server.stats, server.policy, server.offload);
                server.reactors[i].start();
            }
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        server.acceptor.start();
        return server;
    }

    @Override
    public int port() {
        return listener.socket().getLocalPort();
    }

    @Override
    public String description() {
        return "mode=nio threads=" + config.threads();
    }

    /** A connection does not read while a reply is owed, so it holds at most one read (NioConnection). */
    @Override
    public long maxUnsentBytesPerConnection() {
        return config.bufferBytes();
    }

    @Override
    public ServerStats stats() {
        return stats;
    }

    /** Acceptor thread only: round-robin over the reactors. */
    private void handOff(Admitted<SocketChannel> admitted) {
        reactors[nextReactor].register(admitted);
        nextReactor = (nextReactor + 1) % reactors.length;
    }

    @Override
    public void stopAccepting() {
        Listener.stopAccepting(listener);
    }

    @Override
    public void close() {
        closeLock.lock();
        try {
            stopAccepting();
            Lifecycle.join(acceptor);            // after this, no connection is handed to a reactor
            for (NioReactor reactor : reactors) {
                if (reactor != null) {
                    reactor.close();
                }
            }
            offload.close();                          // queued work belongs to connections already closed
        } finally {
            closeLock.unlock();
        }
    }
}
