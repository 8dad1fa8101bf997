package shout.server.app;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import shout.server.EchoServer;
import shout.server.Mode;
import shout.server.ServerConfig;
import shout.server.blocking.BlockingServer;
import shout.server.blocking.VirtualCarriers;
import shout.server.netty.NettyServer;
import shout.server.nio.NioSelectorServer;

/** Starts a server of any mode: the one place that maps a {@link Mode} to the code that runs it. */
public final class Servers {


    private Servers() {
    }

    /** Binds and starts a server of {@code mode}; returns once it accepts connections. */
    public static EchoServer start(Mode mode, ServerConfig config) throws IOException {
        String name = "echo-" + mode.cliName();
        return switch (mode) {
            case SERIAL -> BlockingServer.start(config, mode, Thread.ofPlatform(), Runnable::run, waitPool(name),
                    "threads=1 (serial)");
            case POOL -> BlockingServer.start(config, mode, Thread.ofPlatform(),
                    Executors.newFixedThreadPool(config.threads(), Thread.ofPlatform().name(name + "-", 0).factory()),
                    waitPool(name), "threads=" + config.threads());
            case BLOCKING -> BlockingServer.start(config, mode, Thread.ofPlatform(),
                    perTask(Thread.ofPlatform().name(name + "-", 0)), waitPool(name),
                    "threads=per-connection");
            case VIRTUAL -> {
                String carriers = VirtualCarriers.atLeastTwo();     // before this server's first virtual thread
                yield BlockingServer.start(config, mode, Thread.ofVirtual(), perTask(Thread.ofVirtual().name(name + "-", 0)),
                        perTask(Thread.ofVirtual().name(name + "-wait-", 0)),
                        "threads=virtual-per-connection carriers=" + carriers);
            }
            case NIO -> NioSelectorServer.start(config);
            case NETTY -> NettyServer.start(config);
        };
    }

    /**
     * Where the platform-thread modes (serial, pool, blocking) run the waits of a fan-out: a cached pool of
     * platform threads named {@code echo-MODE-wait-N}. It never queues a wait behind another, which would
     * turn a fan-out back into a sequence; it reuses its threads, so after the first messages a wait pays
     * no thread start; and it grows to exactly the waits in flight: the fan-out of one connection for
     * serial, of {@code threads} connections for pool, of every connection for blocking, which is the
     * price in threads that fanning out costs a thread-based server. It starts no thread until a wait
     * comes. The virtual mode starts a virtual thread per wait instead, its natural way.
     */
    private static ExecutorService waitPool(String name) {
        return Executors.newCachedThreadPool(Thread.ofPlatform().name(name + "-wait-", 0).factory());
    }

    private static ExecutorService perTask(Thread.Builder threads) {
        return Executors.newThreadPerTaskExecutor(threads.factory());
    }
}
