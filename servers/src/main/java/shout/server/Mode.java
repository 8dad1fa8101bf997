package shout.server;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/** The server modes. They differ only in who waits where; the bytes on the wire are the same. */
public enum Mode {
    /** One connection at a time, served on the accepting thread: the baseline that shows why concurrency exists. */
    SERIAL,
    /** The blocking loop on a fixed pool of {@code threads} platform threads; connection N+1 waits for a free one. */
    POOL,
    /** The blocking loop on one platform thread per connection. */
    BLOCKING,
    /** The blocking loop on one virtual thread per connection. */
    VIRTUAL,
    /** Non-blocking selector loops: one acceptor, {@code threads} reactors. */
    NIO,
    /** Netty's event loops over its best transport. */
    NETTY;

    /** Binds and starts a server of this mode; returns once it accepts connections. */
    public EchoServer start(ServerConfig config) throws IOException {
        String name = "echo-" + cliName();
        return switch (this) {
            case SERIAL -> BlockingServer.start(config, this, Runnable::run, "threads=1 (serial)");
            case POOL -> BlockingServer.start(config, this,
                    Executors.newFixedThreadPool(config.threads(), Thread.ofPlatform().name(name + "-", 0).factory()),
                    "threads=" + config.threads());
            case BLOCKING -> BlockingServer.start(config, this, perTask(Thread.ofPlatform().name(name + "-", 0)),
                    "threads=per-connection");
            case VIRTUAL -> BlockingServer.start(config, this, perTask(Thread.ofVirtual().name(name + "-", 0)),
                    "threads=virtual-per-connection");
            case NIO -> NioSelectorServer.start(config);
            case NETTY -> NettyServer.start(config);
        };
    }

    /** The name on the command line and in reports: {@code virtual}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    private static Executor perTask(Thread.Builder threads) {
        return Executors.newThreadPerTaskExecutor(threads.factory());
    }
}
