package shout.server.app;

import java.io.IOException;
import java.util.concurrent.Executor;
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
            case SERIAL -> BlockingServer.start(config, mode, Thread.ofPlatform(), Runnable::run, "threads=1 (serial)");
            case POOL -> BlockingServer.start(config, mode, Thread.ofPlatform(),
                    Executors.newFixedThreadPool(config.threads(), Thread.ofPlatform().name(name + "-", 0).factory()),
                    "threads=" + config.threads());
            case BLOCKING -> BlockingServer.start(config, mode, Thread.ofPlatform(),
                    perTask(Thread.ofPlatform().name(name + "-", 0)),
                    "threads=per-connection");
            case VIRTUAL -> {
                String carriers = VirtualCarriers.atLeastTwo();     // before this server's first virtual thread
                yield BlockingServer.start(config, mode, Thread.ofVirtual(), perTask(Thread.ofVirtual().name(name + "-", 0)),
                        "threads=virtual-per-connection carriers=" + carriers);
            }
            case NIO -> NioSelectorServer.start(config);
            case NETTY -> NettyServer.start(config);
        };
    }

    private static Executor perTask(Thread.Builder threads) {
        return Executors.newThreadPerTaskExecutor(threads.factory());
    }
}
