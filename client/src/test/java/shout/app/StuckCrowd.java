package shout.app;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A crowd of clients stuck writing, and probes that time a new client's first reply beside them (issue 41):
 * each crowd client shrinks its receive buffer to 4 KiB before it connects; once all are connected, the crowd
 * pushes one 64 KiB send a client a round, every 50 ms, never reading, until each has pushed 256 KiB or a whole
 * round finds the kernel takes no more. Only JDK classes, so that {@code bench/stuck-crowd.sh} and
 * {@code StuckCrowdIT} run this one file as a program of its own, pinned to its own cpu:
 * {@code java shout.app.StuckCrowd PORT [CLIENTS [PROBES [SETTLE_MS [PATIENCE_MS]]]]} prints one line, the
 * figures of one run. Single-threaded.
 */
public final class StuckCrowd implements AutoCloseable {

    static final int RECEIVE_BUFFER_BYTES = 4 * 1024;
    static final int PUSH_BYTES = 256 * 1024;
    static final int SEND_BYTES = 64 * 1024;
    static final Duration ROUND = Duration.ofMillis(50);
    /** How long the pushing may go on at most, should the server keep taking bytes. */
    static final Duration PUSH_AT_MOST = Duration.ofSeconds(30);
    /** How long the crowd is left alone before the first probe, as in the issue: the server has taken in what it can. */
    static final Duration SETTLE = Duration.ofSeconds(2);
    /** What a probe sends. */
    private static final byte[] PROBE = "ping".getBytes(StandardCharsets.US_ASCII);
    /** How long the program's probes wait for their reply unless told; one unanswered by then counts this long. */
    private static final Duration PROBE_PATIENCE = Duration.ofSeconds(10);

    private final InetSocketAddress server;
    private final List<SocketChannel> clients;
    private final long pushedBytes;

    private StuckCrowd(InetSocketAddress server, List<SocketChannel> clients, long pushedBytes) {
        this.server = server;
        this.clients = clients;
        this.pushedBytes = pushedBytes;
    }

    /** Connects {@code size} clients to {@code server}, pushes until the kernel takes no more, then waits {@link #SETTLE}. */
    public static StuckCrowd gather(InetSocketAddress server, int size) throws IOException, InterruptedException {
        return gather(server, size, SETTLE);
    }

    /** As {@link #gather(InetSocketAddress, int)}, with the wait before the first probe given. */
    public static StuckCrowd gather(InetSocketAddress server, int size, Duration settle) throws IOException, InterruptedException {
        List<SocketChannel> clients = new ArrayList<>(size);
        probeNanos(server, PROBE_PATIENCE);                         // loads the probe's classes: the probes time the server
        try {
            for (int i = 0; i < size; i++) {
                SocketChannel client = SocketChannel.open();
                clients.add(client);
                client.setOption(StandardSocketOptions.SO_RCVBUF, RECEIVE_BUFFER_BYTES);   // before connect: it sets the window scale
                client.connect(server);
                client.configureBlocking(false);
            }
            long pushed = push(clients);
            Thread.sleep(settle);                                   // a fixed step of the scenario, not a wait for a state
            return new StuckCrowd(server, clients, pushed);
        } catch (IOException | InterruptedException | RuntimeException e) {
            closeAll(clients);
            throw e;
        }
    }

    /**
     * Rounds of one send a client until every client pushed its share or a whole round moved no byte; returns
     * the bytes pushed. One send each per round spreads the bytes over the whole crowd at once.
     */
    private static long push(List<SocketChannel> clients) throws IOException, InterruptedException {
        ByteBuffer payload = ByteBuffer.allocateDirect(SEND_BYTES);
        while (payload.hasRemaining()) {
            payload.put((byte) 'x');
        }
        long[] left = new long[clients.size()];
        Arrays.fill(left, PUSH_BYTES);
        long pushed = 0;
        long deadline = System.nanoTime() + PUSH_AT_MOST.toNanos();
        boolean moved = true;
        while (moved && System.nanoTime() < deadline) {
            moved = false;
            for (int i = 0; i < clients.size(); i++) {
                if (left[i] > 0) {
                    int n = clients.get(i).write(payload.clear().limit((int) Math.min(SEND_BYTES, left[i])));
                    left[i] -= n;
                    pushed += n;
                    moved |= n > 0;
                }
            }
            Thread.sleep(ROUND);                                    // the clients' pace
        }
        return pushed;
    }

    /** How many clients are stuck. */
    public int size() {
        return clients.size();
    }

    /** How many bytes the crowd got into the kernel. */
    public long pushedBytes() {
        return pushedBytes;
    }

    /**
     * A new client connects, sends four bytes and reads the reply: the nanoseconds from before its connect until
     * the whole upper-cased reply is in, or {@code patience} if it was not in by then.
     */
    public long probeNanos(Duration patience) throws IOException {
        return probeNanos(server, patience);
    }

    private static long probeNanos(InetSocketAddress server, Duration patience) throws IOException {
        long start = System.nanoTime();
        try (Socket probe = new Socket()) {
            probe.setTcpNoDelay(true);
            probe.connect(server, (int) patience.toMillis());
            probe.setSoTimeout((int) patience.toMillis());
            probe.getOutputStream().write(PROBE);
            byte[] reply = probe.getInputStream().readNBytes(PROBE.length);
            if (!Arrays.equals(reply, "PING".getBytes(StandardCharsets.US_ASCII))) {
                throw new IOException("probe got " + new String(reply, StandardCharsets.US_ASCII) + " back");
            }
            return System.nanoTime() - start;
        } catch (SocketTimeoutException e) {
            return patience.toNanos();
        }
    }

    @Override
    public void close() throws IOException {
        closeAll(clients);
    }

    private static void closeAll(List<SocketChannel> clients) throws IOException {
        IOException failure = null;
        for (SocketChannel client : clients) {
            try {
                client.close();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** One run against a server on loopback, as one line of {@code key=value} figures; see the class comment. */
    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 5) {
            System.err.println("usage: java shout.app.StuckCrowd PORT [CLIENTS (1000) [PROBES (5) [SETTLE_MS (2000) [PATIENCE_MS (10000)]]]]");
            System.exit(2);
        }
        InetSocketAddress server = new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0]));
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int probes = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Duration settle = args.length > 3 ? Duration.ofMillis(Long.parseLong(args[3])) : SETTLE;
        Duration patience = args.length > 4 ? Duration.ofMillis(Long.parseLong(args[4])) : PROBE_PATIENCE;
        try (StuckCrowd crowd = gather(server, size, settle)) {
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < probes; i++) {
                millis.add(crowd.probeNanos(patience) / 1e6);
            }
            System.out.printf(Locale.ROOT, "stuck=%d pushed_mib=%.0f probes_ms=%s max_ms=%.1f%n", crowd.size(),
                    crowd.pushedBytes() / 1048576.0,
                    millis.stream().map(ms -> String.format(Locale.ROOT, "%.1f", ms)).collect(Collectors.joining(",")),
                    millis.stream().mapToDouble(Double::doubleValue).max().orElse(0));
        }
    }
}
