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
import io.netty.channel.uring.IoUringBufferRingConfig;
import io.netty.channel.uring.IoUringFixedBufferRingAllocator;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringIoHandlerConfig;
import io.netty.channel.uring.IoUringServerSocketChannel;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.util.Locale;
import java.util.Optional;
import shout.server.Transport;

/**
 * The Netty transport a server runs on: its name, the factories of its event-loop I/O handlers, the
 * matching server channel class and, on io_uring, the buffer ring a connection can read into. Obtain one
 * from {@link #choose}; it is immutable.
 *
 * @param name           the transport's name as {@code --transport} spells it: {@code nio}, {@code epoll}, {@code io_uring}
 * @param acceptHandlers makes the I/O handler of the loop that accepts
 * @param ioHandlers     makes one I/O handler per loop that serves connections
 * @param serverChannel  the listening channel class that runs on those loops
 * @param reusePort      this transport's spelling of SO_REUSEPORT
 * @param ringGroup      the buffer group of the ring each serving loop lends the kernel, where there is one
 */
record NettyTransport(String name, IoHandlerFactory acceptHandlers, IoHandlerFactory ioHandlers,
                      Class<? extends ServerChannel> serverChannel, ChannelOption<Boolean> reusePort,
                      Optional<Short> ringGroup) {

    /** The io_uring buffer ring's group, and how many buffers of at most {@link #RING_BUFFER_BYTES} it lends (a quarter at first). */
    private static final short RING_GROUP = 1;
    private static final short RING_BUFFERS = 64;
    private static final int RING_BUFFER_BYTES = 16 * 1024;

    /** Netty's switches for io_uring's multishot accept and receive, read once when its io_uring support loads. */
    private static final String MULTISHOT_ACCEPT = "io.netty.iouring.acceptMultiShotEnabled";
    private static final String MULTISHOT_RECEIVE = "io.netty.iouring.recvMultiShotEnabled";

    static {
        // Netty pauses accepting after an accept error (autoRead off for a second), but a multishot accept stays armed
        // in the kernel: out of file descriptors it failed with EMFILE tens of thousands of times a second, each a
        // warning, and spun a core. One accept per submission pauses as epoll's does. A multishot receive from the
        // buffer ring likewise kept reading while autoRead was off (a client that never read had 64 MiB read from it
        // within 2 s); one receive per submission stops. A value the user set wins.
        for (String multishot : new String[] {MULTISHOT_ACCEPT, MULTISHOT_RECEIVE}) {
            if (System.getProperty(multishot) == null) {
                System.setProperty(multishot, "false");
            }
        }
    }

    /**
     * The transport for {@code wanted}, reading at most {@code readBytes} at a time. {@code AUTO} prefers io_uring,
     * then epoll, then NIO; an explicit native transport that does not load here is an {@link IOException} naming
     * the cause.
     */
    static NettyTransport choose(Transport wanted, int readBytes) throws IOException {
        return switch (wanted) {
            case NIO -> nio();
            case EPOLL -> epoll();
            case IO_URING -> ioUring(readBytes);
            // io_uring first: one system call submits many connections' reads and writes, which measured faster than
            // epoll in most cells (docs/findings.md#netty-io_uring-where-it-loads-one-accept-per-submission). Where a
            // kernel or a seccomp filter refuses it, epoll serves.
            case AUTO -> isAvailable(Transport.IO_URING) ? ioUring(readBytes)
                    : isAvailable(Transport.EPOLL) ? epoll() : nio();
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
        IoHandlerFactory loops = NioIoHandler.newFactory();
        return new NettyTransport("nio", loops, loops, NioServerSocketChannel.class,
                NioChannelOption.of(StandardSocketOptions.SO_REUSEPORT), Optional.empty());
    }

    private static NettyTransport epoll() throws IOException {
        requireAvailable(Transport.EPOLL, Epoll.isAvailable(), Epoll.unavailabilityCause());
        IoHandlerFactory loops = EpollIoHandler.newFactory();
        return new NettyTransport("epoll", loops, loops, EpollServerSocketChannel.class,
                UnixChannelOption.SO_REUSEPORT, Optional.empty());
    }

    /**
     * io_uring; where the kernel has buffer rings, each serving loop also lends the kernel up to 64 buffers to read
     * into, for the connections {@link LoneConnectionReceives} points at it.
     */
    private static NettyTransport ioUring(int readBytes) throws IOException {
        requireAvailable(Transport.IO_URING, IoUring.isAvailable(), IoUring.unavailabilityCause());
        IoHandlerFactory plain = IoUringIoHandler.newFactory();
        if (!IoUring.isRegisterBufferRingSupported()) {
            return new NettyTransport("io_uring", plain, plain, IoUringServerSocketChannel.class,
                    UnixChannelOption.SO_REUSEPORT, Optional.empty());
        }
        IoUringBufferRingConfig ring = IoUringBufferRingConfig.builder()
                .bufferGroupId(RING_GROUP).bufferRingSize(RING_BUFFERS).batchSize(RING_BUFFERS / 4)
                .allocator(new IoUringFixedBufferRingAllocator(Math.min(readBytes, RING_BUFFER_BYTES)))
                .build();
        return new NettyTransport("io_uring", plain, IoUringIoHandler.newFactory(new IoUringIoHandlerConfig().setBufferRingConfig(ring)),
                IoUringServerSocketChannel.class, UnixChannelOption.SO_REUSEPORT, Optional.of(RING_GROUP));
    }

    static void requireAvailable(Transport transport, boolean available, Throwable cause) throws IOException {
        if (!available) {
            String name = transport.name().toLowerCase(Locale.ROOT);
            throw new IOException(name + " transport is not available here: " + cause, cause);
        }
    }
}
