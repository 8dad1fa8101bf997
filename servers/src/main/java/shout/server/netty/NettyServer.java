package shout.server.netty;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.FastThreadLocalThread;
import io.netty.util.concurrent.ImmediateEventExecutor;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import shout.server.EchoServer;
import shout.server.Mode;
import shout.server.ServerConfig;
import shout.server.ServerStats;
import shout.server.support.ConnectionOptions;
import shout.server.support.IdleTimeout;
import shout.server.work.OffloadPool;
import shout.server.work.WorkPolicy;

/**
 * The netty mode: Netty's event loops over the transport {@link NettyTransport} picks. Threading: one
 * boss loop ({@code echo-netty-boss}) accepts and hands each connection for life to one of
 * {@code threads} worker loops ({@code echo-netty-worker-N}), which run all its I/O and handlers and
 * its work too, as the {@link WorkPolicy} plans it: a delay is a timer on the loop, offloaded work burns
 * on the {@link OffloadPool} ({@code echo-netty-offload-N}), which hands each reply back to the
 * connection's loop, so a burn stalls no I/O.
 */
public final class NettyServer implements EchoServer {

    private static final System.Logger LOGGER = System.getLogger(NettyServer.class.getName());
    private static final int MIN_READ_BYTES = 64;
    private static final int INITIAL_READ_BYTES = 2048;
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(1);
    /** Replies a connection may queue, in buffers, before its reading pauses: Netty's write high-water mark. */
    private static final int QUEUED_REPLY_BUFFERS = 2;

    private final ServerConfig config;
    private final NettyTransport transport;
    private final ServerStats stats;
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final WorkPolicy policy;
    private final OffloadPool offload;
    private final LoneConnectionReceives loneReceives; // null unless the transport has a buffer ring
    // No extra thread for the group's futures: close() awaits each connection's own close future, never the group's.
    private final ChannelGroup children = new DefaultChannelGroup("echo-netty-children", ImmediateEventExecutor.INSTANCE);
    private volatile Channel listener;

    private NettyServer(ServerConfig config, NettyTransport transport) {
        this.config = config;
        this.transport = transport;
        this.stats = new ServerStats(config.maxConnections());
        this.boss = new MultiThreadIoEventLoopGroup(1, threadsNamed("echo-netty-boss", false), transport.acceptHandlers());
        try {
            this.workers = new MultiThreadIoEventLoopGroup(config.threads(), threadsNamed("echo-netty-worker-", true),
                    transport.ioHandlers());
        } catch (RuntimeException | Error e) {            // a native ring or epoll set can fail on resource limits
            boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
            throw e;
        }
        this.loneReceives = transport.ringGroup()
                .map(group -> new LoneConnectionReceives(group, stats, config.threads())).orElse(null);
        this.policy = WorkPolicy.of(config);
        this.offload = OffloadPool.start(policy, Mode.NETTY, config.threads());
    }

    /** Binds and starts a netty server; returns once it accepts connections, or throws with every thread stopped. */
    public static EchoServer start(ServerConfig config) throws IOException {
        NettyServer server = new NettyServer(config, NettyTransport.choose(config.transport(), config.bufferBytes()));
        try {
            server.bind();
        } catch (IOException | RuntimeException | Error e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void bind() throws IOException {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, workers)
                .channel(transport.serverChannel());
        if (loneReceives != null) {
            bootstrap.handler(loneReceives);
        }
        ChannelFuture bound = bootstrap
                .option(ChannelOption.SO_BACKLOG, config.listen().backlog())
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(transport.reusePort(), config.listen().reusePort())
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .childOption(ChannelOption.TCP_NODELAY, ConnectionOptions.TCP_NODELAY)
                // Reading pauses while queued replies pass the high mark, so unsent bytes per connection stay bounded.
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
                        new WriteBufferWaterMark(config.bufferBytes() / 2, queuedReplyBytes()))
                .childOption(ChannelOption.RCVBUF_ALLOCATOR, new AdaptiveRecvByteBufAllocator(
                        MIN_READ_BYTES, Math.min(INITIAL_READ_BYTES, config.bufferBytes()), config.bufferBytes()))
                .childHandler(childPipeline())
                .bind(new InetSocketAddress(config.listen().host(), config.listen().port()))
                .awaitUninterruptibly();
        if (!bound.isSuccess()) {
            throw bindFailure(bound.cause());
        }
        listener = bound.channel();
        LOGGER.log(System.Logger.Level.DEBUG, "netty listening on {0} via {1}", listener.localAddress(), transport.name());
    }

    private ChannelInitializer<Channel> childPipeline() {
        IdleTimeout idleTimeout = IdleTimeout.of(config);
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel child) {
                children.add(child);
                child.pipeline()
                        .addLast("limits", new ConnectionLimitsHandler(stats, idleTimeout))
                        .addLast("echo", new UpperCaseHandler(stats, policy, offload));
            }
        };
    }

    /** Native transports report a taken port as a plain IOException; callers look for BindException. */
    private static IOException bindFailure(Throwable cause) {
        if (cause instanceof BindException bind) {
            return bind;
        }
        BindException bind = new BindException(cause.getMessage());
        bind.initCause(cause);
        return bind;
    }

    @Override
    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    @Override
    public String description() {
        return "mode=netty transport=" + transport.name() + " threads=" + config.threads();
    }

    /** How many open connections read from the io_uring buffer ring: 0 on a transport without one. */
    int connectionsOnRing() {
        return loneReceives == null ? 0 : loneReceives.onRing();
    }

    /** The read buffer plus the replies queued up to the write high-water mark. */
    @Override
    public long maxUnsentBytesPerConnection() {
        return (long) config.bufferBytes() + queuedReplyBytes();
    }

    private int queuedReplyBytes() {
        return QUEUED_REPLY_BUFFERS * config.bufferBytes();
    }

    @Override
    public ServerStats stats() {
        return stats;
    }

    @Override
    public void stopAccepting() {
        Channel channel = listener;
        if (channel != null && channel.isOpen()) {      // once the loops stopped, close() could not run on them
            channel.close().syncUninterruptibly();
        }
    }

    /** Every step is idempotent, so a second call (even a concurrent one) also returns only once all is stopped. */
    @Override
    public void close() {
        stopAccepting();
        // On io_uring a connection with a receive in flight closes only once the kernel confirms the receive was
        // cancelled, a round trip through its loop; a loop stopped before that left the socket open, and its client
        // waiting for an end that never came. So the loops stop only once every connection has closed, or a second on.
        List<Channel> open = List.copyOf(children);
        children.close();
        long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
        for (Channel child : open) {
            child.closeFuture().awaitUninterruptibly(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        // Before the loops stop: a burn under way still hands its reply to a live loop. Queued burns
        // are dropped; their connections are closing and release their chunks.
        offload.close();
        var bossDone = boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        var workersDone = workers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        bossDone.syncUninterruptibly();
        workersDone.syncUninterruptibly();
    }

    /** Netty's own thread class, so its pooled allocator's thread-local caches stay fast. */
    private static ThreadFactory threadsNamed(String name, boolean numbered) {
        AtomicInteger next = new AtomicInteger();
        return task -> new FastThreadLocalThread(task, numbered ? name + next.getAndIncrement() : name);
    }
}
