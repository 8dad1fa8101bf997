package shout.load.io;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * The Linux {@link Poller}: one epoll set, edge-triggered (the kernel then polls each ready socket
 * once per event, not twice as level-triggered does), with the sockets ({@link EpollSocket}) made,
 * read and written through {@link Libc}. Per message that is one {@code recv} and one {@code send},
 * each a plain call, and one array lookup from descriptor to attachment, where the selector path
 * takes channel locks, a map lookup and a thread-state change per call. Waits are timed to the
 * nanosecond ({@code epoll_pwait2}), so the open loop neither spins nor sends late. {@link #pollAfter}
 * sleeps in a second epoll set that holds only the wake-up descriptor, so no socket ends the sleep; with
 * {@link ArrivalStamps} its sockets' replies are still timed when they came. Compiled for
 * Java 22 (the foreign function API); {@link Poller#open} loads it only on such a JDK. Confined to
 * the polling thread, except {@link #wakeup} and {@link #close}, which share a lock.
 */
final class EpollPoller<T> implements Poller<T> {

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
    /** Where each call made from this poller's thread leaves errno. */
    final MemorySegment callState = Libc.newCallState(arena);
    /** Room for a socket address or an option value, for the calls of this poller's thread. */
    final MemorySegment scratch = arena.allocate(64, 8);
    final MemorySegment scratchLength = arena.allocate(JAVA_INT);
    private final MemorySegment events = arena.allocate((long) EVENT_BYTES * MAX_EVENTS, 8);
    private final MemorySegment event = arena.allocate(16, 8);
    /** A struct timespec: seconds, then nanoseconds. */
    private final MemorySegment timeout = arena.allocate(16, 8);
    /** epoll_pwait2 times waits to the nanosecond; without it (old kernel or C library) waits are whole ms. */
    private boolean nanosecondWaits = Libc.hasEpollPwait2();
    /** Set on the first poll, from the thread that polls: timer slack belongs to a thread. */
    private boolean timersExact;
    private final int epollFd;
    /** An epoll set with only {@link #wakeFd} in it, for sleeps that ready sockets must not end. */
    private final int sleepFd;
    private final int wakeFd;
    /** The kernel's receive stamps of this poller's sockets, or null when they are read without. */
    final ArrivalStamps stamps;
    private final Object lifecycle = new Object();
    private boolean closed;
    private Object[] byFd = new Object[1024];
    private ByteBuffer readBuffer;
    private long readBase;
    private ByteBuffer writeBuffer;
    private long writeBase;

    /** @param stampArrivals whether the sockets' reads carry the kernel's receive stamps */
    EpollPoller(boolean stampArrivals) throws IOException {
        epollFd = Libc.epollCreate(callState);
        int eventFd = -1;
        int sleepSet = -1;
        try {
            eventFd = Libc.eventfd(callState);
            control(epollFd, Libc.EPOLL_CTL_ADD, eventFd, Libc.EPOLLIN);
            sleepSet = Libc.epollCreate(callState);
            control(sleepSet, Libc.EPOLL_CTL_ADD, eventFd, Libc.EPOLLIN);
        } catch (IOException e) {
            for (int fd : new int[] {sleepSet, eventFd, epollFd}) {
                if (fd >= 0) {
                    Libc.close(fd);
                }
            }
            throw e;
        }
        wakeFd = eventFd;
        sleepFd = sleepSet;
        stamps = stampArrivals ? new ArrivalStamps(arena) : null;
    }

    @Override
    public PolledSocket connect(InetSocketAddress address, InetAddress source, T attachment) throws IOException {
        int fd = EpollSocket.open(this, address, source);
        if (fd >= byFd.length) {
            byFd = Arrays.copyOf(byFd, Math.max(fd + 1, byFd.length * 2));
        }
        byFd[fd] = attachment;
        return new EpollSocket(this, fd);
    }

    /** Sets a descriptor's interest in the epoll set: {@code EPOLL_CTL_ADD} or {@code EPOLL_CTL_MOD}. */
    void control(int operation, int fd, int interest) throws ErrnoException {
        control(epollFd, operation, fd, interest);
    }

    private void control(int set, int operation, int fd, int interest) throws ErrnoException {
        event.set(JAVA_INT_UNALIGNED, 0, interest);
        event.set(JAVA_LONG_UNALIGNED, EVENT_DATA_OFFSET, fd);
        if (Libc.epollCtl(callState, set, operation, fd, event) != 0) {
            throw Libc.failure("epoll_ctl", Libc.errno(callState));
        }
    }

    /** A closed socket's descriptor may be reused by the next one: it no longer stands for its attachment. */
    void forget(int fd) {
        byFd[fd] = null;
    }

    @Override
    public void poll(long timeoutNanos, Handler<? super T> handler) throws IOException {
        dispatch(waitForEvents(epollFd, timeoutNanos, MAX_EVENTS), handler);
    }

    @Override
    public void pollAfter(long sleepNanos, Handler<? super T> handler) throws IOException {
        if (sleepNanos > 0 && !succeeded(waitForEvents(sleepFd, sleepNanos, 1))) {
            return;
        }
        int ready;
        do {
            ready = dispatch(waitForEvents(epollFd, 0, MAX_EVENTS), handler);
        } while (ready == MAX_EVENTS);                   // a full array: more may be ready than one wait reports
    }

    /** Hands each of {@code ready} events to the handler; returns how many there were. */
    @SuppressWarnings("unchecked")      // byFd holds only attachments that came in through connect
    private int dispatch(int ready, Handler<? super T> handler) throws IOException {
        if (!succeeded(ready)) {
            return 0;
        }
        if (stamps != null) {
            stamps.syncClocks();
        }
        for (int i = 0; i < ready; i++) {
            long at = (long) i * EVENT_BYTES;
            int flags = events.get(JAVA_INT_UNALIGNED, at);
            int fd = (int) events.get(JAVA_LONG_UNALIGNED, at + EVENT_DATA_OFFSET);
            if (fd == wakeFd) {
                Libc.drain(wakeFd, scratch);
                continue;
            }
            Object attachment = fd < byFd.length ? byFd[fd] : null;
            if (attachment != null) {
                boolean failed = (flags & (Libc.EPOLLERR | Libc.EPOLLHUP)) != 0;
                handler.ready((T) attachment, failed || (flags & Libc.EPOLLIN) != 0, failed || (flags & Libc.EPOLLOUT) != 0);
                if ((flags & Libc.EPOLLRDHUP) != 0 && byFd[fd] == attachment) {
                    // The peer's FIN came with its last bytes: one edge for both, and the reader stopped at the
                    // short read before the end of the stream. A second pass reads it (a proxy closing after
                    // its last forwarded reply does this).
                    handler.ready((T) attachment, true, false);
                }
            }
        }
        return ready;
    }

    /** False when a wait returned early without events (interrupted, or no epoll_pwait2 after all); throws on a failure. */
    private boolean succeeded(int waitResult) throws ErrnoException {
        if (waitResult >= 0) {
            return true;
        }
        int errno = Libc.errno(callState);
        if (errno == Libc.EINTR) {
            return false;
        }
        if (errno == Libc.ENOSYS && nanosecondWaits) {
            nanosecondWaits = false;                    // the C library has it, the kernel not
            return false;
        }
        throw Libc.failure("epoll_wait", errno);
    }

    private int waitForEvents(int set, long timeoutNanos, int maxEvents) {
        if (!timersExact) {
            Libc.exactTimers();                             // open-loop sends are due at exact times
            timersExact = true;
        }
        if (nanosecondWaits) {
            timeout.set(JAVA_LONG, 0, timeoutNanos / 1_000_000_000L);
            timeout.set(JAVA_LONG, 8, timeoutNanos % 1_000_000_000L);
            return Libc.epollPwait2(callState, set, events, maxEvents, timeout);
        }
        int timeoutMillis = (int) Math.min(TimeUnit.NANOSECONDS.toMillis(timeoutNanos), Integer.MAX_VALUE);
        return Libc.epollWait(callState, set, events, maxEvents, timeoutMillis);
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
            Libc.close(wakeFd);
        }
        Libc.close(sleepFd);
        Libc.close(epollFd);
    }

    /** The native address of a direct buffer's first byte; the two buffers in use are remembered. */
    long readBase(ByteBuffer buffer) {
        if (buffer != readBuffer) {
            readBase = base(buffer);
            readBuffer = buffer;
        }
        return readBase;
    }

    long writeBase(ByteBuffer buffer) {
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
}
