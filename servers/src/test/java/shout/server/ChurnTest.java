package shout.server;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import shout.server.app.Servers;

/**
 * Many short connections (connect, one message, then a close or a reset at random) against one
 * server: afterwards its descriptors and threads are back where they started. The test command runs
 * {@value #DEFAULT_CONNECTIONS} per mode, a few seconds on a shared machine and few TIME_WAIT entries
 * left behind; {@code bench/soak.sh} runs 20,000 per mode with {@code -Dshout.churn.connections=20000}.
 * Clients spread over 50 loopback source addresses, so the TIME_WAIT of the closed ones never
 * exhausts the ephemeral ports of one address.
 */
@Timeout(300)
class ChurnTest {

    private static final int DEFAULT_CONNECTIONS = 5_000;
    private static final int CLIENT_THREADS = 8;
    private static final int SOURCE_ADDRESSES = 50;
    private static final int WARM_UP_CONNECTIONS = 100;

    private static int connections() {
        return Integer.getInteger("shout.churn.connections", DEFAULT_CONNECTIONS);
    }

    /** Every mode, or the one the soak script names with {@code -Dshout.churn.modes=nio}. */
    static Stream<Mode> churnModes() {
        String only = System.getProperty("shout.churn.modes", "");
        return EchoServerContractTest.modes().filter(mode -> only.isEmpty() || mode.cliName().equals(only));
    }

    @ParameterizedTest
    @MethodSource("churnModes")
    void shortConnectionsLeaveNoDescriptorOrThreadBehind(Mode mode) throws Exception {
        try (EchoServer server = Servers.start(mode, ServerConfig.builder().port(0).threads(CLIENT_THREADS).build())) {
            churn(server, WARM_UP_CONNECTIONS);                 // lazily created pool and carrier threads exist from here on
            await().atMost(Duration.ofSeconds(10)).until(() -> server.stats().active() == 0);
            long descriptorsBefore = openDescriptors();
            int threadsBefore = liveThreads();
            churn(server, connections());
            await().pollInSameThread().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertEquals(0, server.stats().active(), server.stats().snapshot().toString());
                // At most as many: a thread of the warm-up may still have been ending when counted.
                assertTrue(openDescriptors() <= descriptorsBefore, "open descriptors: " + openDescriptors() + ", before " + descriptorsBefore);
                assertTrue(liveThreads() <= threadsBefore, "live threads: " + liveThreads() + ", before " + threadsBefore);
            });
            assertEquals(WARM_UP_CONNECTIONS + connections(), server.stats().snapshot().accepted());
        }
    }

    private static void churn(EchoServer server, int connections) throws Exception {
        try (ExecutorService clients = Executors.newFixedThreadPool(CLIENT_THREADS,
                Thread.ofPlatform().name("churn-client-", 0).factory())) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < CLIENT_THREADS; t++) {
                int first = t;
                done.add(clients.submit(() -> {
                    for (int i = first; i < connections; i += CLIENT_THREADS) {
                        oneShortConnection(server, i);
                    }
                    return null;
                }));
            }
            for (Future<?> client : done) {
                client.get(240, SECONDS);
            }
        }
    }

    /** Half the connections read the reply and close; the other half reset, some before the reply came. */
    private static void oneShortConnection(EchoServer server, int index) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress("127.0.0." + (2 + index % SOURCE_ADDRESSES), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
            socket.setSoTimeout(5_000);
            ThreadLocalRandom random = ThreadLocalRandom.current();
            boolean reset = random.nextBoolean();
            socket.getOutputStream().write("churn".getBytes());
            if (!reset || random.nextBoolean()) {
                assertEquals("CHURN", new String(Wire.readFully(socket.getInputStream(), 5)));
            }
            if (reset) {
                socket.setSoLinger(true, 0);
            }
        }
    }

    private static long openDescriptors() throws IOException {
        try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
            return descriptors.count();
        }
    }

    private static int liveThreads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }
}
