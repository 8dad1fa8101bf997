package shout.load.io;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import shout.load.IoEngine;

/**
 * The epoll engine's sleep that ready sockets do not end ({@link Poller#pollAfter}) and the kernel's receive
 * stamps that keep a reply read after such a sleep timed when it came. Bounds, not speeds: a sleep lasts at
 * least its length, and a stamp lies between the peer's write and the read.
 */
@Timeout(10)
class EpollPollerTest {

    private static final long SLEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /** How far the stamp may stray from nanoTime's clock: the two clocks are compared to within a microsecond. */
    private static final long CLOCK_TOLERANCE_NANOS = TimeUnit.MICROSECONDS.toNanos(10);
    private static final byte[] HELLO = "hello".getBytes(US_ASCII);

    @BeforeEach
    void needsEpoll() {
        assumeTrue(Poller.epollAvailable(), "epoll needs Linux and a JDK 22+");
    }

    @Test
    void pollAfterSleepsThroughAReadySocketAndItsReadIsStampedWhenTheBytesCame() throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Poller<String> poller = Poller.open(IoEngine.EPOLL, true)) {
            PolledSocket socket = connected(poller, listener);
            try (Socket peer = listener.accept()) {
                // the kernel switches stamping on for the whole machine a moment after the first socket asks
                await().atMost(Duration.ofSeconds(5)).pollInSameThread().until(() -> stampedExchange(peer, poller, socket));
                List<String> ready = new ArrayList<>();
                long beforeWrite = System.nanoTime();
                peer.getOutputStream().write(HELLO);
                long afterWrite = System.nanoTime();
                poller.pollAfter(SLEEP_NANOS, (attachment, readable, writable) -> ready.add(attachment));
                assertTrue(System.nanoTime() - afterWrite >= SLEEP_NANOS, "the ready socket ended the sleep");
                assertEquals(List.of("client"), ready, "after the sleep, what became ready meanwhile");

                ByteBuffer buffer = ByteBuffer.allocateDirect(64);
                assertEquals(HELLO.length, socket.read(buffer));
                long readNanos = System.nanoTime();
                long arrivedNanos = socket.arrivalNanos(readNanos);
                assertTrue(arrivedNanos >= beforeWrite - CLOCK_TOLERANCE_NANOS, "stamped before it was written");
                assertTrue(arrivedNanos < afterWrite + SLEEP_NANOS / 2,
                        "stamped " + (readNanos - arrivedNanos) + " ns before the read: the read time, not the kernel's stamp");
            } finally {
                socket.close();
            }
        }
    }

    @Test
    void withoutStampsAReadArrivesWhenItIsRead() throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Poller<String> poller = Poller.open(IoEngine.EPOLL, false)) {
            PolledSocket socket = connected(poller, listener);
            try (Socket peer = listener.accept()) {
                peer.getOutputStream().write(HELLO);
                poller.poll(SLEEP_NANOS, (attachment, readable, writable) -> { });
                assertEquals(HELLO.length, socket.read(ByteBuffer.allocateDirect(64)));
                assertEquals(42L, socket.arrivalNanos(42L));
            } finally {
                socket.close();
            }
        }
    }

    @Test
    void wakeupEndsTheSleep() throws IOException {
        try (Poller<String> poller = Poller.open(IoEngine.EPOLL, true)) {
            poller.wakeup();
            long start = System.nanoTime();
            poller.pollAfter(TimeUnit.SECONDS.toNanos(30), (attachment, readable, writable) -> ready(attachment));
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "a wake-up must end the sleep at once");
        }
    }

    /** The peer sends a byte, the socket reads it: true when the read came with the kernel's stamp. */
    private static boolean stampedExchange(Socket peer, Poller<String> poller, PolledSocket socket) throws IOException {
        peer.getOutputStream().write('x');
        ByteBuffer buffer = ByteBuffer.allocateDirect(64);
        while (socket.read(buffer) == 0) {
            poller.poll(SLEEP_NANOS, (attachment, readable, writable) -> { });
        }
        return socket.arrivalNanos(Long.MAX_VALUE) != Long.MAX_VALUE;
    }

    /** A socket of the poller connected to the listener, watching reads only. */
    private static PolledSocket connected(Poller<String> poller, ServerSocket listener) throws IOException {
        PolledSocket socket = poller.connect(new InetSocketAddress(listener.getInetAddress(), listener.getLocalPort()), null, "client");
        while (!socket.finishConnect()) {
            poller.poll(SLEEP_NANOS, (attachment, readable, writable) -> { });
        }
        socket.watch(false);
        return socket;
    }

    private static void ready(String attachment) {
        throw new AssertionError("no socket, yet " + attachment + " was ready");
    }
}
