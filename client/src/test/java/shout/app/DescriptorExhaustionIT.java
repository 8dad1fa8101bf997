package shout.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.channel.epoll.Epoll;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import shout.server.EchoServerContractTest;
import shout.server.Mode;
import shout.server.ModeTraits;

/**
 * A server process with 128 descriptors, flooded with more connections than that: it must not spin
 * on the failing accept (the classic bug), must say so in at most about a line a second, and must
 * serve again once the flood leaves. Serial by nature accepts one connection at a time, so the flood
 * waits in the backlog and never exhausts its descriptors; that is asserted instead.
 */
@Timeout(120)
class DescriptorExhaustionIT {

    private static final int OPEN_FILE_LIMIT = 128;
    private static final int FLOOD = 3 * OPEN_FILE_LIMIT;
    private static final Duration WATCH = Duration.ofSeconds(2);
    private static final long IDLE_TICKS = 40;          // 0.4 s of CPU in 2 s; a spinning accept loop burns ~200

    @ParameterizedTest
    @MethodSource("shout.server.EchoServerContractTest#modes")
    void outOfDescriptorsTheServerPausesWarnsAndRecovers(Mode mode) throws Exception {
        floodPauseAndRecover(mode);
    }

    /** The netty mode on epoll, what auto falls back to where io_uring does not load (the modes above use auto). */
    @Test
    void nettyOnEpollPausesToo() throws Exception {
        assumeTrue(Epoll.isAvailable(), "epoll does not load here");
        floodPauseAndRecover(Mode.NETTY, "--transport", "epoll");
    }

    private static void floodPauseAndRecover(Mode mode, String... moreArgs) throws Exception {
        List<Socket> flood = new ArrayList<>();
        List<String> args = new ArrayList<>(List.of("--mode", mode.cliName(), "--threads", "" + threads(mode)));
        args.addAll(List.of(moreArgs));
        try (ServerProcess server = ServerProcess.start(OPEN_FILE_LIMIT, args.toArray(String[]::new))) {
            try {
                for (int i = 0; i < FLOOD; i++) {
                    flood.add(new Socket(InetAddress.getLoopbackAddress(), server.port()));   // the backlog takes them all
                }
                if (!ModeTraits.servesOneClientAtATime(mode)) {
                    await().atMost(Duration.ofSeconds(20)).until(() -> saidOutOfDescriptors(server));
                }
                long ticksBefore = server.cpuTicks();
                int linesBefore = server.errLines().size();
                await().during(WATCH).atMost(WATCH.plusSeconds(1)).untilAsserted(() -> assertTrue(
                        server.cpuTicks() - ticksBefore < IDLE_TICKS, "CPU ticks while out of descriptors: " + (server.cpuTicks() - ticksBefore)));
                // Events, not lines: Netty's pipeline tail logs each accept failure with the exception on extra lines.
                List<String> watched = server.errLines().subList(linesBefore, server.errLines().size()).stream()
                        .filter(line -> line.contains(" WARNING ") || line.contains(" ERROR ")).toList();
                assertTrue(watched.size() <= WATCH.toSeconds() + 2, "at most about one warning a second: " + watched);
                if (ModeTraits.servesOneClientAtATime(mode)) {
                    assertTrue(!saidOutOfDescriptors(server), "serial holds one connection at a time: " + server.errLines());
                }
            } finally {
                for (Socket socket : flood) {
                    socket.close();
                }
            }
            try {
                await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                        .untilAsserted(() -> assertEquals("BACK AGAIN", roundTrip(server.port(), "back again")));
            } catch (ConditionTimeoutException e) {
                throw new AssertionError(mode + " " + List.of(moreArgs) + " did not serve again after the flood; it said: "
                        + server.errLines(), e);
            }
        }
    }

    /** Pool: a thread for every flooding client. Event loops hold descriptors of their own: two of them. */
    private static int threads(Mode mode) {
        return ModeTraits.threadsCapConnections(mode) ? FLOOD : 2;
    }

    private static boolean saidOutOfDescriptors(ServerProcess server) {
        return server.errLines().stream().anyMatch(line -> line.contains("Too many open files"));
    }

    private static String roundTrip(int port, String text) throws IOException {
        try (Socket socket = new Socket()) {
            // A bounded connect: a SYN the kernel drops while the backlog is full is retried only after seconds.
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000);
            socket.setSoTimeout(2_000);
            socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readNBytes(text.length()), StandardCharsets.US_ASCII);
        }
    }
}
