package shout.load.io;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * The few Linux C library calls the epoll engine makes, as foreign function handles, with the
 * constants of x86-64 and aarch64 Linux. Calls that can fail capture errno into the calling poller's
 * segment, turned into an {@link ErrnoException} by {@link #failure}. {@code recv} and
 * {@code send} on non-blocking sockets never block, so they are linked as critical: no thread-state
 * change per call, the point of this engine. Buffers are passed as raw addresses (long).
 */
final class Libc {

    static final int AF_INET = 2;
    static final int AF_INET6 = 10;
    static final int SOCK_STREAM_NONBLOCK_CLOEXEC = 1 | 0x800 | 0x80000;
    static final int IPPROTO_IP = 0;
    static final int IP_BIND_ADDRESS_NO_PORT = 24;
    static final int IPPROTO_TCP = 6;
    static final int TCP_NODELAY = 1;
    static final int SOL_SOCKET = 1;
    static final int SO_ERROR = 4;
    /** Stamp received data with the real-time clock as a struct timespec; the control message has the same number. */
    static final int SO_TIMESTAMPNS = 35;
    static final int EPOLL_CTL_ADD = 1;
    static final int EPOLL_CTL_MOD = 3;
    static final int EPOLLIN = 0x1;
    static final int EPOLLOUT = 0x4;
    static final int EPOLLERR = 0x8;
    static final int EPOLLHUP = 0x10;
    static final int EPOLLRDHUP = 0x2000;
    static final int EPOLLET = 1 << 31;
    static final int MSG_NOSIGNAL = 0x4000;
    static final int EFD_NONBLOCK_CLOEXEC = 0x800 | 0x80000;
    static final int EINTR = 4;
    static final int EAGAIN = 11;
    static final int ENOTCONN = 107;
    static final int ENOSYS = 38;
    static final int EINPROGRESS = 115;
    static final int EADDRINUSE = 98;
    static final int EADDRNOTAVAIL = 99;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final Linker.Option ERRNO = Linker.Option.captureCallState("errno");
    private static final MemoryLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO_HANDLE = CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    private static final MethodHandle SOCKET = handle("socket", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT), ERRNO);
    private static final MethodHandle BIND = handle("bind", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT), ERRNO);
    private static final MethodHandle CONNECT = handle("connect", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT), ERRNO);
    private static final MethodHandle SETSOCKOPT = handle("setsockopt",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT), ERRNO);
    private static final MethodHandle GETSOCKOPT = handle("getsockopt",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS), ERRNO);
    private static final MethodHandle GETPEERNAME = handle("getpeername", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS), ERRNO);
    private static final MethodHandle CLOSE = handle("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle EPOLL_CREATE1 = handle("epoll_create1", FunctionDescriptor.of(JAVA_INT, JAVA_INT), ERRNO);
    private static final MethodHandle EPOLL_CTL = handle("epoll_ctl", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS), ERRNO);
    /** Times the wait to the nanosecond (Linux 5.11, glibc 2.35); absent from older C libraries. */
    private static final MethodHandle EPOLL_PWAIT2 = optionalHandle("epoll_pwait2",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, ADDRESS), ERRNO);
    private static final MethodHandle EPOLL_WAIT = handle("epoll_wait", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT), ERRNO);
    private static final MethodHandle EVENTFD = handle("eventfd", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT), ERRNO);
    private static final MethodHandle EVENTFD_WRITE = handle("eventfd_write", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG));
    private static final MethodHandle READ = handle("read", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
    private static final MethodHandle RECV = handle("recv", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT),
            ERRNO, Linker.Option.critical(false));
    private static final MethodHandle RECVMSG = handle("recvmsg", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_INT),
            ERRNO, Linker.Option.critical(false));
    private static final MethodHandle SEND = handle("send", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT),
            ERRNO, Linker.Option.critical(false));
    private static final MethodHandle PRCTL = handle("prctl", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG),
            Linker.Option.firstVariadicArg(1));
    private static final int PR_SET_TIMERSLACK = 29;
    private static final MethodHandle STRERROR = handle("strerror", FunctionDescriptor.of(ADDRESS, JAVA_INT));

    private Libc() {
    }

    // Typed calls. A downcall only throws on a broken link, which is a bug, not an I/O failure.
    // Calls made once per connection or per poller share one wrapper; the per-message ones below it
    // (recv, send, the waits, epoll_ctl) spell out their own so nothing is captured or allocated.

    /** One downcall, its result widened to long. */
    @FunctionalInterface
    private interface Downcall {
        long call() throws Throwable;
    }

    private static long call(Downcall downcall) {
        try {
            return downcall.call();
        } catch (Throwable t) {
            throw broken(t);
        }
    }

    /** Makes a call that returns -1 and sets errno when it fails, and throws that failure. */
    private static int checked(String name, MemorySegment state, Downcall downcall) throws ErrnoException {
        int result = (int) call(downcall);
        if (result < 0) {
            throw failure(name, errno(state));
        }
        return result;
    }

    static int socket(MemorySegment state, int family, int type) throws ErrnoException {
        return checked("socket", state, () -> (int) SOCKET.invokeExact(state, family, type, 0));
    }

    static void setsockopt(MemorySegment state, int fd, int level, int name, MemorySegment value, int length) throws ErrnoException {
        checked("setsockopt", state, () -> (int) SETSOCKOPT.invokeExact(state, fd, level, name, value, length));
    }

    static void getsockopt(MemorySegment state, int fd, int level, int name, MemorySegment value, MemorySegment length)
            throws ErrnoException {
        checked("getsockopt", state, () -> (int) GETSOCKOPT.invokeExact(state, fd, level, name, value, length));
    }

    static int epollCreate(MemorySegment state) throws ErrnoException {
        return checked("epoll_create1", state, () -> (int) EPOLL_CREATE1.invokeExact(state, 0x80000));
    }

    static int eventfd(MemorySegment state) throws ErrnoException {
        return checked("eventfd", state, () -> (int) EVENTFD.invokeExact(state, 0, EFD_NONBLOCK_CLOEXEC));
    }

    /** 0, or -1 with errno set ({@code EADDRNOTAVAIL}: not an address of this machine). */
    static int bind(MemorySegment state, int fd, MemorySegment address, int length) {
        return (int) call(() -> (int) BIND.invokeExact(state, fd, address, length));
    }

    /** 0, or -1 with errno set ({@code EINPROGRESS} is the usual answer of a non-blocking socket). */
    static int connect(MemorySegment state, int fd, MemorySegment address, int length) {
        return (int) call(() -> (int) CONNECT.invokeExact(state, fd, address, length));
    }

    /** 0, or -1 with errno set ({@code ENOTCONN} while a connect is in progress). */
    static int getpeername(MemorySegment state, int fd, MemorySegment address, MemorySegment length) {
        return (int) call(() -> (int) GETPEERNAME.invokeExact(state, fd, address, length));
    }

    static void close(int fd) {
        call(() -> (int) CLOSE.invokeExact(fd));                // Linux frees the descriptor even when close fails
    }

    /**
     * Lets the calling thread's timed waits end within a nanosecond of their deadline instead of the
     * default 50 µs late; best effort (a failure only leaves the default).
     */
    static void exactTimers() {
        call(() -> (int) PRCTL.invokeExact(PR_SET_TIMERSLACK, 1L));
    }

    static void eventfdWrite(int fd) {
        call(() -> (int) EVENTFD_WRITE.invokeExact(fd, 1L));    // fails only when the counter is full: still awake
    }

    static void drain(int fd, MemorySegment eightBytes) {
        call(() -> (long) READ.invokeExact(fd, eightBytes, 8L)); // EAGAIN when already drained: fine
    }

    /** True when {@link #epollPwait2} may be called. */
    static boolean hasEpollPwait2() {
        return EPOLL_PWAIT2 != null;
    }

    static int epollCtl(MemorySegment state, int epfd, int op, int fd, MemorySegment event) {
        try {
            return (int) EPOLL_CTL.invokeExact(state, epfd, op, fd, event);
        } catch (Throwable t) {
            throw broken(t);
        }
    }

    static int epollWait(MemorySegment state, int epfd, MemorySegment events, int maxEvents, int timeoutMillis) {
        try {
            return (int) EPOLL_WAIT.invokeExact(state, epfd, events, maxEvents, timeoutMillis);
        } catch (Throwable t) {
            throw broken(t);
        }
    }

    static int epollPwait2(MemorySegment state, int epfd, MemorySegment events, int maxEvents, MemorySegment timespec) {
        try {
            return (int) EPOLL_PWAIT2.invokeExact(state, epfd, events, maxEvents, timespec, MemorySegment.NULL);
        } catch (Throwable t) {
            throw broken(t);
        }
    }

    static long recv(MemorySegment state, int fd, long address, long length) {
        try {
            return (long) RECV.invokeExact(state, fd, address, length, 0);
        } catch (Throwable t) {
            throw broken(t);
        }
    }

    /** recv with a struct msghdr at {@code message}, for the control messages that carry receive stamps. */
    static long recvmsg(MemorySegment state, int fd, long message) {
        try {
            return (long) RECVMSG.invokeExact(state, fd, message, 0);
        } catch (Throwable t) {
            throw broken(t);
        }
    }

    static long send(MemorySegment state, int fd, long address, long length) {
        try {
            return (long) SEND.invokeExact(state, fd, address, length, MSG_NOSIGNAL);
        } catch (Throwable t) {
            throw broken(t);
        }
    }

    private static IllegalStateException broken(Throwable t) {
        return new IllegalStateException("a C library call failed to link: " + t, t);
    }

    /** A segment for one thread's captured errno. */
    static MemorySegment newCallState(Arena arena) {
        return arena.allocate(CALL_STATE);
    }

    static int errno(MemorySegment callState) {
        return (int) ERRNO_HANDLE.get(callState, 0L);
    }

    /** The failure of {@code call}, classified later by its errno; the message is the C library's wording. */
    static ErrnoException failure(String call, int errno) {
        return new ErrnoException(call, errno, describe(errno));
    }

    private static String describe(int errno) {
        try {
            MemorySegment text = (MemorySegment) STRERROR.invokeExact(errno);
            return text.reinterpret(256).getString(0);
        } catch (Throwable t) {
            return "errno " + errno;
        }
    }

    private static MethodHandle optionalHandle(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        return LINKER.defaultLookup().find(name).map(symbol -> LINKER.downcallHandle(symbol, descriptor, options)).orElse(null);
    }

    private static MethodHandle handle(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        MemorySegment symbol = LINKER.defaultLookup().find(name)
                .orElseThrow(() -> new UnsatisfiedLinkError("no " + name + " in the C library"));
        return LINKER.downcallHandle(symbol, descriptor, options);
    }
}
