package shout.server.netty;

import io.netty.channel.ChannelOption;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioChannelOption;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.unix.UnixChannelOption;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.util.Locale;
import shout.server.Transport;

/**
 * The Netty transport a server runs on: its name, the factory of its event-loop I/O handlers and the
 * matching server channel class. Obtain one from {@link #choose}; it is immutable.
 *
 * @param name          the transport's name as {@code --transport} spells it: {@code nio}, {@code epoll}, {@code io_uring}
 * @param ioHandlers    makes one I/O handler per event loop
 * @param serverChannel the listening channel class that runs on those loops
 * @param reusePort     this transport's spelling of SO_REUSEPORT
 */
record NettyTransport(String name, IoHandlerFactory ioHandlers, Class<? extends ServerChannel> serverChannel,
                      ChannelOption<Boolean> reusePort) {

    /** Netty's switch for io_uring's multishot accept, read once when its io_uring support loads. */
    private static final String MULTISHOT_ACCEPT = "io.netty.iouring.acceptMultiShotEnabled";

    static {
        // Netty pauses accepting after an accept error (autoRead off for a second), but a multishot accept stays armed
        // in the kernel: out of file descriptors it failed with EMFILE tens of thousands of times a second, each a
        // warning, and spun a core. One accept per submission pauses as epoll's does. A value the user set wins.
        if (System.getProperty(MULTISHOT_ACCEPT) == null) {
            System.setProperty(MULTISHOT_ACCEPT, "false");
        }
    }

    /**
     * The transport for {@code wanted}. {@code AUTO} prefers io_uring, then epoll, then NIO; an
     * explicit native transport that does not load here is an {@link IOException} naming the cause.
     */
    static NettyTransport choose(Transport wanted) throws IOException {
        return switch (wanted) {
            case NIO -> nio();
            case EPOLL -> epoll();
            case IO_URING -> ioUring();
            // io_uring first: one system call submits many connections' reads and writes, and it measured 1.07-1.28x
            // epoll in four of five benchmark cells (README). Where a kernel or a seccomp filter refuses it, epoll serves.
            case AUTO -> isAvailable(Transport.IO_URING) ? ioUring() : isAvailable(Transport.EPOLL) ? epoll() : nio();
        };
    }

    /** Whether {@code transport} loads on this machine; {@code AUTO} and {@code NIO} always do. */
    static boolean isAvailable(Transport transport) {
        return switch (transport) {
            case AUTO, NIO -> true;
            case EPOLL -> Epoll.isAvailable();
            case IO_URING -> IoUring.isAvailable();
        };
    }

    private static NettyTransport nio() {
        return new NettyTransport("nio", NioIoHandler.newFactory(), NioServerSocketChannel.class,
                NioChannelOption.of(StandardSocketOptions.SO_REUSEPORT));
    }

    private static NettyTransport epoll() throws IOException {
        requireAvailable(Transport.EPOLL, Epoll.isAvailable(), Epoll.unavailabilityCause());
        return new NettyTransport("epoll", EpollIoHandler.newFactory(), EpollServerSocketChannel.class,
                UnixChannelOption.SO_REUSEPORT);
    }

    private static NettyTransport ioUring() throws IOException {
        requireAvailable(Transport.IO_URING, IoUring.isAvailable(), IoUring.unavailabilityCause());
        return new NettyTransport("io_uring", IoUringIoHandler.newFactory(), IoUringServerSocketChannel.class,
                UnixChannelOption.SO_REUSEPORT);
    }

    static void requireAvailable(Transport transport, boolean available, Throwable cause) throws IOException {
        if (!available) {
            String name = transport.name().toLowerCase(Locale.ROOT);
            throw new IOException(name + " transport is not available here: " + cause, cause);
        }
    }
}
