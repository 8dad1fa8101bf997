package shout.load.io;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One non-blocking socket of an {@link EpollPoller}, a bare descriptor read and written with
 * {@code recv} and {@code send}, or read with {@code recvmsg} where the poller takes {@link ArrivalStamps}.
 * Confined to the poller's thread, whose errno segment and scratch memory it uses.
 */
final class EpollSocket implements PolledSocket {

    private static final System.Logger LOGGER = System.getLogger(EpollSocket.class.getName());

    private final EpollPoller<?> poller;
    private final int fd;
    private boolean open = true;
    /** Whether the last read came with the kernel's receive stamp, and that stamp on nanoTime's clock. */
    private boolean stamped;
    private long arrivedNanos;

    EpollSocket(EpollPoller<?> poller, int fd) {
        this.poller = poller;
        this.fd = fd;
    }

    /**
     * Opens a socket with TCP_NODELAY, binds it to {@code source} unless that is null, starts its
     * connect and adds it to the poller's set; returns its descriptor.
     */
    static int open(EpollPoller<?> poller, InetSocketAddress address, InetAddress source) throws IOException {
        boolean v4 = address.getAddress() instanceof Inet4Address;
        int fd = Libc.socket(poller.callState, v4 ? Libc.AF_INET : Libc.AF_INET6, Libc.SOCK_STREAM_NONBLOCK_CLOEXEC);
        try {
            poller.scratch.set(JAVA_INT, 0, 1);
            Libc.setsockopt(poller.callState, fd, Libc.IPPROTO_TCP, Libc.TCP_NODELAY, poller.scratch, 4);
            if (poller.stamps != null) {
                Libc.setsockopt(poller.callState, fd, Libc.SOL_SOCKET, Libc.SO_TIMESTAMPNS, poller.scratch, 4);
            }
            if (source != null) {
                bind(poller, fd, source, v4);
            }
            int length = socketAddress(poller.scratch, address, v4);
            if (Libc.connect(poller.callState, fd, poller.scratch, length) != 0 && Libc.errno(poller.callState) != Libc.EINPROGRESS) {
                int errno = Libc.errno(poller.callState);
                // with IP_BIND_ADDRESS_NO_PORT the bind's port is taken here: no port left is the bind's failure
                boolean noPort = source != null && (errno == Libc.EADDRNOTAVAIL || errno == Libc.EADDRINUSE);
                throw noPort ? new SourceBindException(source, Libc.failure("connect", errno)) : Libc.failure("connect", errno);
            }
            poller.control(Libc.EPOLL_CTL_ADD, fd, Libc.EPOLLOUT | Libc.EPOLLET);
            return fd;
        } catch (IOException | RuntimeException e) {
            Libc.close(fd);
            throw e;
        }
    }

    /**
     * Binds to {@code source}, port 0. IP_BIND_ADDRESS_NO_PORT first (Linux 4.2+): the kernel then picks
     * the port at connect, unique per source, destination and destination port, so a source address
     * is good for about 28,000 connections to each server port rather than in all. Best effort: where
     * the option is missing, bind picks the port as the selector engine's does.
     */
    private static void bind(EpollPoller<?> poller, int fd, InetAddress source, boolean v4) throws IOException {
        poller.scratch.set(JAVA_INT, 0, 1);
        try {
            Libc.setsockopt(poller.callState, fd, Libc.IPPROTO_IP, Libc.IP_BIND_ADDRESS_NO_PORT, poller.scratch, 4);
        } catch (ErrnoException e) {
            LOGGER.log(System.Logger.Level.DEBUG, "no IP_BIND_ADDRESS_NO_PORT, bind picks the port: {0}", e.getMessage());
        }
        int length = socketAddress(poller.scratch, new InetSocketAddress(source, 0), v4);
        if (Libc.bind(poller.callState, fd, poller.scratch, length) != 0) {
            throw new SourceBindException(source, Libc.failure("bind", Libc.errno(poller.callState)));
        }
    }

    /** Writes a sockaddr_in or sockaddr_in6 into {@code into}; returns its length. */
    private static int socketAddress(MemorySegment into, InetSocketAddress address, boolean v4) {
        into.fill((byte) 0);
        into.set(JAVA_SHORT_UNALIGNED, 0, (short) (v4 ? Libc.AF_INET : Libc.AF_INET6));
        into.set(JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN), 2, (short) address.getPort());
        byte[] ip = address.getAddress().getAddress();
        MemorySegment.copy(ip, 0, into, JAVA_BYTE, v4 ? 4 : 8, ip.length);
        if (!v4) {
            into.set(JAVA_INT_UNALIGNED, 24, ((Inet6Address) address.getAddress()).getScopeId());
        }
        return v4 ? 16 : 28;
    }

    @Override
    public boolean finishConnect() throws IOException {
        MemorySegment scratch = poller.scratch;
        poller.scratchLength.set(JAVA_INT, 0, 4);
        Libc.getsockopt(poller.callState, fd, Libc.SOL_SOCKET, Libc.SO_ERROR, scratch, poller.scratchLength);
        int error = scratch.get(JAVA_INT, 0);
        if (error != 0) {
            throw Libc.failure("connect", error);
        }
        poller.scratchLength.set(JAVA_INT, 0, 64);
        if (Libc.getpeername(poller.callState, fd, scratch, poller.scratchLength) == 0) {
            return true;
        }
        int errno = Libc.errno(poller.callState);
        if (errno == Libc.ENOTCONN) {
            return false;
        }
        throw Libc.failure("getpeername", errno);
    }

    @Override
    public int read(ByteBuffer into) throws IOException {
        int position = into.position();
        long address = poller.readBase(into) + position;
        ArrivalStamps stamps = poller.stamps;
        long received = stamps == null
                ? Libc.recv(poller.callState, fd, address, into.limit() - position)
                : stamps.receive(poller.callState, fd, address, into.limit() - position);
        stamped = received > 0 && stamps != null && stamps.stamped();
        if (stamped) {
            arrivedNanos = stamps.arrivalNanos();
        }
        if (received > 0) {
            into.position(position + (int) received);
            return (int) received;
        }
        if (received == 0) {
            return into.hasRemaining() ? -1 : 0;
        }
        return wouldBlock("recv");
    }

    @Override
    public long arrivalNanos(long readNanos) {
        return stamped ? Math.min(arrivedNanos, readNanos) : readNanos;
    }

    @Override
    public int write(ByteBuffer from) throws IOException {
        int position = from.position();
        long sent = Libc.send(poller.callState, fd, poller.writeBase(from) + position, from.limit() - position);
        if (sent >= 0) {
            from.position(position + (int) sent);
            return (int) sent;
        }
        return wouldBlock("send");
    }

    /** 0 when the call failed only because it would have blocked (or was interrupted); else throws. */
    private int wouldBlock(String call) throws IOException {
        int errno = Libc.errno(poller.callState);
        if (errno == Libc.EAGAIN || errno == Libc.EINTR) {
            return 0;
        }
        throw Libc.failure(call, errno);
    }

    @Override
    public void watch(boolean writes) throws IOException {
        poller.control(Libc.EPOLL_CTL_MOD, fd, Libc.EPOLLIN | Libc.EPOLLRDHUP | Libc.EPOLLET | (writes ? Libc.EPOLLOUT : 0));
    }

    @Override
    public void close() {
        if (open) {
            open = false;
            poller.forget(fd);
            Libc.close(fd);                     // also leaves the epoll set
        }
    }
}
