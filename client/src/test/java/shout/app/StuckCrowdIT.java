package shout.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import shout.compare.plan.CpuPinning;

/**
 * Issue 41 as a liveness check, not a timing test: beside 1,000 clients stuck writing ({@link StuckCrowd}), a
 * blocking server still answers a new client. Five fresh servers, each pinned to one cpu where taskset can (the
 * crowd was measured against one core), one probe each once the crowd has settled; the slowest must come back
 * within 500 ms, five times the goal, so that a server that leaves newcomers waiting for seconds fails and a busy
 * machine does not. The goal itself is measured with {@code bench/stuck-crowd.sh}.
 */
@Timeout(60)
class StuckCrowdIT {

    private static final int CROWD = 1000;
    private static final int SERVERS = 5;
    private static final Duration SLOWEST = Duration.ofMillis(500);
    /** How long a probe waits: long enough to tell a slow reply from none, short enough for the test's minute. */
    private static final Duration PATIENCE = Duration.ofSeconds(3);

    @Test
    void aNewClientIsAnsweredBesideAThousandStuckWriters() throws Exception {
        List<Duration> probes = new ArrayList<>();
        for (int i = 0; i < SERVERS; i++) {
            try (ServerProcess server = ServerProcess.start(oneCpu(), "--mode", "blocking");
                 StuckCrowd crowd = StuckCrowd.gather(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()), CROWD)) {
                probes.add(Duration.ofNanos(crowd.probeNanos(PATIENCE)));
            }
        }
        assertTrue(Collections.max(probes).compareTo(SLOWEST) < 0,
                "a new client's first reply beside " + CROWD + " stuck writers, one fresh server each: " + probes);
    }

    /** The server's pinning as compare decides it for this machine: taskset onto one cpu, or nothing. */
    private static List<String> oneCpu() {
        String cpus = CpuPinning.forThisMachine(null, null).serverCpus();
        return cpus == null ? List.of() : List.of("taskset", "-c", cpus);
    }
}
