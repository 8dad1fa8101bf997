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
import io.netty.channel.uring.IoUringChannelOption;
import io.netty.channel.uring.IoUringFixedBufferRingAllocator;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringIoHandlerConfig;
import io.netty.channel.uring.IoUringServerSocketChannel;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.util.Locale;
import java.util.Map;
import shout.server.Transport;

/**
 * The Netty transport a server runs on: its name, the factory of its event-loop I/O handlers, the
 * matching server channel class and what each accepted channel needs set. Obtain one from {@link #choose};
 * it is immutable.
 *
 * @param name          the transport's name as {@code --transport} spells it: {@code nio}, {@code epoll}, {@code io_uring}
 * @param ioHandlers    makes one I/O handler per event loop
 * @param serverChannel the listening channel class that runs on those loops
 * @param reusePort     this transport's spelling of SO_REUSEPORT
 * @param childOptions  options of this transport's own for every accepted channel
 */
record NettyTransport(String name, IoHandlerFactory ioHandlers, Class<? extends ServerChannel> serverChannel,
                      ChannelOption<Boolean> reusePort, Map<ChannelOption<?>, Object> childOptions) {

    /** The io_uring buffer ring's group, and how many buffers of at most {@link #RING_BUFFER_BYTES} it lends (a quarter at first). */
    private static final short BUFFER_GROUP = 1;
    private static final short RING_BUFFERS = 64;
    private static final int RING_BUFFER_BYTES = 16 * 1024;

    /** Netty's switches for io_uring's multishot accept and receive, read once when its io_uring support loads. */
    private static final String MULTISHOT_ACCEPT = "io.netty.iouring.acceptMultiShotEnabled";
    private static final String MULTISHOT_RECEIVE = "io.netty.iouring.recvMultiShotEnabled";

    static {
        // Netty pauses accepting after an accept error (autoRead off for a second), but a multishot accept stays armed
        // in the kernel: out of file descriptors it failed with EMFILE tens of thousands of times a second, each a
        // warning, and spun a core. One accept per submission pauses as epoll's does. A multishot receive (with the
        // buffer ring) likewise kept reading while autoRead was off: a client that never reads had 64 MiB read from it
        // within 2 s. One receive per submission stops. A value the user set wins.
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
            // io_uring first: one system call submits many connections' reads and writes, and it measured 1.07-1.28x
            // epoll in four of five benchmark cells (README). Where a kernel or a seccomp filter refuses it, epoll serves.
            case AUTO -> isAvailable(Transport.IO_URING) ? ioUring(readBytes) : isAvailable(Transport.EPOLL) ? epoll() : nio();
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
                NioChannelOption.of(StandardSocketOptions.SO_REUSEPORT), Map.of());
    }

    private static NettyTransport epoll() throws IOException {
        requireAvailable(Transport.EPOLL, Epoll.isAvailable(), Epoll.unavailabilityCause());
        return new NettyTransport("epoll", EpollIoHandler.newFactory(), EpollServerSocketChannel.class,
                UnixChannelOption.SO_REUSEPORT, Map.of());
    }

    /**
     * Where the kernel has buffer rings, each event loop lends the kernel buffers to read into and a connection's
     * read stays armed across messages (multishot): without it every message took one more {@code io_uring_enter}
     * to arm the next read (3.25 against 2.25 a message at one connection). A read finds the ring empty only while
     * 64 reads' worth of data waits in the pipeline; Netty then reads into a buffer of its own, as without a ring.
     */
    private static NettyTransport ioUring(int readBytes) throws IOException {
        requireAvailable(Transport.IO_URING, IoUring.isAvailable(), IoUring.unavailabilityCause());
        if (!IoUring.isRegisterBufferRingSupported()) {
            return new NettyTransport("io_uring", IoUringIoHandler.newFactory(), IoUringServerSocketChannel.class,
                    UnixChannelOption.SO_REUSEPORT, Map.of());
        }
        IoUringBufferRingConfig ring = IoUringBufferRingConfig.builder()
                .bufferGroupId(BUFFER_GROUP).bufferRingSize(RING_BUFFERS).batchSize(RING_BUFFERS / 4)
                .allocator(new IoUringFixedBufferRingAllocator(Math.min(readBytes, RING_BUFFER_BYTES)))
                .build();
        return new NettyTransport("io_uring", IoUringIoHandler.newFactory(new IoUringIoHandlerConfig().setBufferRingConfig(ring)),
                IoUringServerSocketChannel.class, UnixChannelOption.SO_REUSEPORT,
                Map.of(IoUringChannelOption.IO_URING_BUFFER_GROUP_ID, BUFFER_GROUP));
    }

    static void requireAvailable(Transport transport, boolean available, Throwable cause) throws IOException {
        if (!available) {
            String name = transport.name().toLowerCase(Locale.ROOT);
            throw new IOException(name + " transport is not available here: " + cause, cause);
        }
    }
}
