package shout.load.io;

import shout.load.engine.LoadConnection;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * The Linux {@link Poller}: one epoll set, edge-triggered (the kernel then polls each ready socket
 * once per event, not twice as level-triggered does), with the sockets made, read and written
 * through {@link Libc}. Per message that is one {@code recv} and one {@code send}, each a plain call,
 * and one array lookup from descriptor to connection, where the selector path takes channel locks, a
 * map lookup and a thread-state change per call. Waits are timed to the nanosecond
 * ({@code epoll_pwait2}), so the open loop neither spins nor sends late. Compiled for Java 22 (the
 * foreign function API); {@link IoEngine} loads it only on such a JDK.
 */
final class EpollPoller implements Poller {

    /** On x86-64 the kernel's struct epoll_event is packed: 12 bytes, data at 4; elsewhere 16 and 8. */
    private static final boolean PACKED_EVENTS = System.getProperty("os.arch", "").matches("amd64|x86_64");
    private static final int EVENT_BYTES = PACKED_EVENTS ? 12 : 16;
    private static final int EVENT_DATA_OFFSET = PACKED_EVENTS ? 4 : 8;
    private static final int MAX_EVENTS = 256;

    /**
     * Freed by the garbage collector: segments of a closeable shared arena would cost two atomic
     * operations on every call that passes one (the captured errno goes with each recv and send).
     */
    private final Arena arena = Arena.ofAuto();
    private final MemorySegment callState = Libc.newCallState(arena);
    private final MemorySegment events = arena.allocate((long) EVENT_BYTES * MAX_EVENTS, 8);
    private final MemorySegment event = arena.allocate(16, 8);
    private final MemorySegment scratch = arena.allocate(64, 8);
    private final MemorySegment scratchLength = arena.allocate(JAVA_INT);
    /** A struct timespec: seconds, then nanoseconds. */
    private final MemorySegment timeout = arena.allocate(16, 8);
    /** epoll_pwait2 times waits to the nanosecond; without it (old kernel or C library) waits are whole ms. */
    private boolean nanosecondWaits = Libc.hasEpollPwait2();
    /** Set on the first poll, from the thread that polls: timer slack belongs to a thread. */
    private boolean timersExact;
    private final int epollFd;
    private final int wakeFd;
    private final Object lifecycle = new Object();
    private boolean closed;
    private LoadConnection[] byFd = new LoadConnection[1024];
    private ByteBuffer readBuffer;
    private long readBase;
    private ByteBuffer writeBuffer;
    private long writeBase;

    EpollPoller() throws IOException {
        epollFd = Libc.epollCreate(callState);
        if (epollFd < 0) {
            throw Libc.failure("epoll_create1", Libc.errno(callState));
        }
        wakeFd = Libc.eventfd(callState);
        if (wakeFd < 0 || control(Libc.EPOLL_CTL_ADD, wakeFd, Libc.EPOLLIN) != 0) {
            IOException failure = Libc.failure("eventfd", Libc.errno(callState));
            close();
            throw failure;
        }
    }

    @Override
    public PolledSocket connect(InetSocketAddress address, LoadConnection connection) throws IOException {
        boolean v4 = address.getAddress() instanceof Inet4Address;
        int fd = Libc.socket(callState, v4 ? Libc.AF_INET : Libc.AF_INET6, Libc.SOCK_STREAM_NONBLOCK_CLOEXEC);
        if (fd < 0) {
            throw Libc.failure("socket", Libc.errno(callState));
        }
        try {
            scratch.set(JAVA_INT, 0, 1);
            if (Libc.setsockopt(callState, fd, Libc.IPPROTO_TCP, Libc.TCP_NODELAY, scratch, 4) != 0) {
                throw Libc.failure("setsockopt", Libc.errno(callState));
            }
            int length = socketAddress(address, v4);
            if (Libc.connect(callState, fd, scratch, length) != 0 && Libc.errno(callState) != Libc.EINPROGRESS) {
                throw Libc.failure("connect", Libc.errno(callState));
            }
            if (control(Libc.EPOLL_CTL_ADD, fd, Libc.EPOLLOUT | Libc.EPOLLET) != 0) {
                throw Libc.failure("epoll_ctl", Libc.errno(callState));
            }
        } catch (IOException | RuntimeException e) {
            Libc.close(fd);
            throw e;
        }
        if (fd >= byFd.length) {
            byFd = Arrays.copyOf(byFd, Math.max(fd + 1, byFd.length * 2));
        }
        byFd[fd] = connection;
        return new Socket(fd);
    }

    /** Writes a sockaddr_in or sockaddr_in6 into {@link #scratch}; returns its length. */
    private int socketAddress(InetSocketAddress address, boolean v4) {
        scratch.fill((byte) 0);
        scratch.set(JAVA_SHORT_UNALIGNED, 0, (short) (v4 ? Libc.AF_INET : Libc.AF_INET6));
        scratch.set(JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN), 2, (short) address.getPort());
        byte[] ip = address.getAddress().getAddress();
        MemorySegment.copy(ip, 0, scratch, JAVA_BYTE, v4 ? 4 : 8, ip.length);
        if (!v4) {
            scratch.set(JAVA_INT_UNALIGNED, 24, ((Inet6Address) address.getAddress()).getScopeId());
        }
        return v4 ? 16 : 28;
    }

    private int control(int operation, int fd, int interest) {
        event.set(JAVA_INT_UNALIGNED, 0, interest);
        event.set(JAVA_LONG_UNALIGNED, EVENT_DATA_OFFSET, fd);
        return Libc.epollCtl(callState, epollFd, operation, fd, event);
    }

    @Override
    public void poll(long timeoutNanos, Handler handler) throws IOException {
        int ready = waitForEvents(timeoutNanos);
        if (ready < 0) {
            int errno = Libc.errno(callState);
            if (errno == Libc.EINTR) {
                return;
            }
            if (errno == Libc.ENOSYS && nanosecondWaits) {
                nanosecondWaits = false;                    // the C library has it, the kernel not
                return;
            }
            throw Libc.failure("epoll_wait", errno);
        }
        for (int i = 0; i < ready; i++) {
            long at = (long) i * EVENT_BYTES;
            int flags = events.get(JAVA_INT_UNALIGNED, at);
            int fd = (int) events.get(JAVA_LONG_UNALIGNED, at + EVENT_DATA_OFFSET);
            if (fd == wakeFd) {
                Libc.drain(wakeFd, scratch);
                continue;
            }
            LoadConnection connection = fd < byFd.length ? byFd[fd] : null;
            if (connection != null) {
                boolean failed = (flags & (Libc.EPOLLERR | Libc.EPOLLHUP)) != 0;
                handler.ready(connection, failed || (flags & Libc.EPOLLIN) != 0, failed || (flags & Libc.EPOLLOUT) != 0);
            }
        }
    }

    private int waitForEvents(long timeoutNanos) {
        if (!timersExact) {
            Libc.exactTimers();                             // open-loop sends are due at exact times
            timersExact = true;
        }
        if (nanosecondWaits) {
            timeout.set(JAVA_LONG, 0, timeoutNanos / 1_000_000_000L);
            timeout.set(JAVA_LONG, 8, timeoutNanos % 1_000_000_000L);
            return Libc.epollPwait2(callState, epollFd, events, MAX_EVENTS, timeout);
        }
        int timeoutMillis = (int) Math.min(TimeUnit.NANOSECONDS.toMillis(timeoutNanos), Integer.MAX_VALUE);
        return Libc.epollWait(callState, epollFd, events, MAX_EVENTS, timeoutMillis);
    }

    @Override
    public void wakeup() {
        synchronized (lifecycle) {
            if (!closed) {
                Libc.eventfdWrite(wakeFd);
            }
        }
    }

    @Override
    public String engine() {
        return "epoll";
    }

    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            if (wakeFd >= 0) {
                Libc.close(wakeFd);
            }
        }
        Libc.close(epollFd);
    }

    /** The native address of a direct buffer's first byte; the two buffers in use are remembered. */
    private long readBase(ByteBuffer buffer) {
        if (buffer != readBuffer) {
            readBase = base(buffer);
            readBuffer = buffer;
        }
        return readBase;
    }

    private long writeBase(ByteBuffer buffer) {
        if (buffer != writeBuffer) {
            writeBase = base(buffer);
            writeBuffer = buffer;
        }
        return writeBase;
    }

    private static long base(ByteBuffer buffer) {
        if (!buffer.isDirect()) {
            throw new IllegalArgumentException("the epoll engine reads and writes direct buffers only");
        }
        return MemorySegment.ofBuffer(buffer).address() - buffer.position();
    }

    private final class Socket implements PolledSocket {

        private final int fd;
        private boolean open = true;

        Socket(int fd) {
            this.fd = fd;
        }

        @Override
        public boolean finishConnect() throws IOException {
            scratchLength.set(JAVA_INT, 0, 4);
            if (Libc.getsockopt(callState, fd, Libc.SOL_SOCKET, Libc.SO_ERROR, scratch, scratchLength) != 0) {
                throw Libc.failure("getsockopt", Libc.errno(callState));
            }
            int error = scratch.get(JAVA_INT, 0);
            if (error != 0) {
                throw Libc.failure("connect", error);
            }
            scratchLength.set(JAVA_INT, 0, 64);
            if (Libc.getpeername(callState, fd, scratch, scratchLength) == 0) {
                return true;
            }
            int errno = Libc.errno(callState);
            if (errno == Libc.ENOTCONN) {
                return false;
            }
            throw Libc.failure("getpeername", errno);
        }

        @Override
        public int read(ByteBuffer into) throws IOException {
            int position = into.position();
            long received = Libc.recv(callState, fd, readBase(into) + position, into.limit() - position);
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
        public int write(ByteBuffer from) throws IOException {
            int position = from.position();
            long sent = Libc.send(callState, fd, writeBase(from) + position, from.limit() - position);
            if (sent >= 0) {
                from.position(position + (int) sent);
                return (int) sent;
            }
            return wouldBlock("send");
        }

        /** 0 when the call failed only because it would have blocked (or was interrupted); else throws. */
        private int wouldBlock(String call) throws IOException {
            int errno = Libc.errno(callState);
            if (errno == Libc.EAGAIN || errno == Libc.EINTR) {
                return 0;
            }
            throw Libc.failure(call, errno);
        }

        @Override
        public void watch(boolean writes) throws IOException {
            if (control(Libc.EPOLL_CTL_MOD, fd, Libc.EPOLLIN | Libc.EPOLLET | (writes ? Libc.EPOLLOUT : 0)) != 0) {
                throw Libc.failure("epoll_ctl", Libc.errno(callState));
            }
        }

        @Override
        public void close() {
            if (open) {
                open = false;
                byFd[fd] = null;
                Libc.close(fd);                     // also leaves the epoll set
            }
        }
    }
}
