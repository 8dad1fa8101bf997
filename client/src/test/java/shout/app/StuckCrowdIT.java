package shout.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import shout.compare.plan.CpuPinning;

/**
 * Issue 41 as a liveness check, not a timing test: beside 1,000 clients stuck writing ({@link StuckCrowd}), a
 * blocking server still answers a new client. Five fresh servers, one probe each once the crowd has settled;
 * the slowest must come back within 500 ms, five times the goal, so that a server that leaves a newcomer
 * waiting for seconds fails and a busy machine does not. As in {@code bench/stuck-crowd.sh}, which measures the
 * goal itself, the server and the crowd run as processes of their own, pinned apart where taskset can (the
 * server onto one cpu, as the issue measured it).
 */
@Timeout(60)
class StuckCrowdIT {

    private static final int CROWD = 1000;
    private static final int SERVERS = 5;
    private static final Duration SLOWEST = Duration.ofMillis(500);
    /** How long a probe waits: long enough to tell a slow reply from none, short enough for the test's minute. */
    private static final Duration PATIENCE = Duration.ofSeconds(2);
    private static final CpuPinning PINNING = CpuPinning.forThisMachine(null, null);

    @Test
    void aNewClientIsAnsweredBesideAThousandStuckWriters() throws Exception {
        List<Duration> probes = new ArrayList<>();
        for (int i = 0; i < SERVERS; i++) {
            try (ServerProcess server = ServerProcess.start(serverPrefix(), "--mode", "blocking")) {
                probes.add(crowdAndProbe(server.port()));
            }
        }
        assertTrue(Collections.max(probes).compareTo(SLOWEST) < 0,
                "a new client's first reply beside " + CROWD + " stuck writers, one fresh server each: " + probes);
    }

    /** Runs {@link StuckCrowd#main} in a JVM of its own against {@code port}: its one probe's time. */
    private static Duration crowdAndProbe(int port) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(PINNING.clientPrefix());
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", Path.of("target", "test-classes").toString(), StuckCrowd.class.getName(),
                Integer.toString(port), Integer.toString(CROWD), "1", Long.toString(StuckCrowd.SETTLE.toMillis()),
                Long.toString(PATIENCE.toMillis())));
        Process crowd = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String said = new String(crowd.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertTrue(crowd.waitFor(10, TimeUnit.SECONDS) && crowd.exitValue() == 0, "the crowd failed: " + said);
            return probeTime(said).orElseThrow(() -> new AssertionError("no probe figure in the crowd's output: " + said));
        } finally {
            crowd.destroyForcibly();
        }
    }

    /** The one probe's time in the crowd's line, {@code ... probes_ms=12.3 ...}. */
    private static Optional<Duration> probeTime(String line) {
        for (String field : line.split("\\s+")) {
            if (field.startsWith("probes_ms=")) {
                double millis = Double.parseDouble(field.substring("probes_ms=".length()));
                return Optional.of(Duration.ofNanos(Math.round(millis * 1e6)));
            }
        }
        return Optional.empty();
    }

    private static List<String> serverPrefix() {
        return PINNING.serverCpus() == null ? List.of() : List.of("taskset", "-c", PINNING.serverCpus());
    }
}
