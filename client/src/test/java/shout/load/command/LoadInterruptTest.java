package shout.load.command;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import shout.cli.ExitCode;
import shout.load.LoadReport;
import shout.server.EchoServer;
import shout.server.Mode;
import shout.server.ServerConfig;
import shout.server.app.Servers;

/**
 * A stop request (what Ctrl-C or SIGTERM makes in a real process, see InterruptIT) ends a 60 s run
 * early: the summary and the files hold what was measured, marked interrupted, and the exit code is 130.
 * The class timeout fails any run that the request did not end.
 */
@Timeout(20)
class LoadInterruptTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aStopWhileMeasuringReportsWhatWasMeasuredAndExits130() throws Exception {
        Path json = dir.resolve("report.json");
        Path hdrLog = dir.resolve("latency.hlog");
        // Closed loop, no warm-up: once the server has read more than one message per connection, at
        // least one measured reply was complete.
        LoadRun result = load(server -> whenServerRead(server, 100_000), "--warmup", "0", "--size", "16",
                "--json", "" + json, "--hdr-log", "" + hdrLog);
        assertEquals(ExitCode.INTERRUPTED.code(), result.exitCode(), result.err());
        LoadReport report = JSON.readValue(json.toFile(), LoadReport.class);
        assertTrue(report.run().interrupted());
        assertTrue(report.throughput().messages() > 0, "messages: " + report.throughput().messages());
        double measured = report.throughput().measuredSeconds();
        assertTrue(measured > 0 && measured < 30, "measured: " + measured);
        assertEquals(2, report.connections().connectionsUp());
        assertTrue(report.errors().isEmpty(), "a stop loses no byte: " + report.errors());
        assertTrue(result.out().startsWith(String.format(Locale.ROOT,
                "interrupted    by Ctrl-C or SIGTERM after %.2f s of the planned 60 s;", report.throughput().measuredSeconds())), result.out());
        assertTrue(result.out().contains(report.throughput().messages() + " verified in"), result.out());
        assertEquals(report.throughput().messages(), LoadCommandTest.countsIn(hdrLog));
    }

    @Test
    void aStopWhileWarmingUpSaysNothingWasMeasuredAndStillWritesTheJson() throws Exception {
        Path json = dir.resolve("report.json");
        assertNothingMeasured(load(server -> whenServerRead(server, 1), "--warmup", "60s", "--json", "" + json), json);
    }

    @Test
    void aStopBeforeTheConnectionsAreUpSaysNothingWasMeasured() throws Exception {
        Path json = dir.resolve("report.json");
        StopRequests atOnce = stop -> {
            stop.run();                               // before the run has begun to connect
            return () -> { };
        };
        assertNothingMeasured(load(server -> atOnce, "--json", "" + json), json);
    }

    private static void assertNothingMeasured(LoadRun result, Path json) throws Exception {
        assertEquals(ExitCode.INTERRUPTED.code(), result.exitCode(), result.err());
        assertTrue(result.out().startsWith("interrupted    by Ctrl-C or SIGTERM while connecting, waiting or warming up: nothing measured yet"),
                result.out());
        assertFalse(result.err().contains("Exception"), result.err());
        assertFalse(result.out().contains("verified in"), "no figures of a measured part that never began: " + result.out());
        assertTrue(result.out().lines().anyMatch(line -> line.startsWith("connections") && line.endsWith(" of 2")), result.out());
        LoadReport report = JSON.readValue(json.toFile(), LoadReport.class);
        assertTrue(report.run().interrupted());
        assertEquals(0, report.throughput().messages());
        assertEquals(0, report.throughput().measuredSeconds());
        assertTrue(report.throughput().intervals().isEmpty(), "no throughput without a measured part: " + report.throughput().intervals());
        assertTrue(Files.exists(json));
    }

    /** {@code shout load} of 60 s on two connections against a fresh NIO server, ended early by the stop requests made for it. */
    private static LoadRun load(Function<EchoServer, StopRequests> stopRequests, String... args) throws IOException {
        try (EchoServer server = Servers.start(Mode.NIO, ServerConfig.ephemeral())) {
            List<String> all = new ArrayList<>(List.of("--port", "" + server.port(), "--connections", "2", "--threads", "2",
                    "--duration", "60s"));
            all.addAll(List.of(args));
            return LoadRun.of(stopRequests.apply(server), all.toArray(String[]::new));
        }
    }

    /** Requests the stop from another thread, as a signal handler does, once the server has read {@code bytes}. */
    private static StopRequests whenServerRead(EchoServer server, long bytes) {
        return stopWhen(() -> server.stats().snapshot().bytesIn() >= bytes);
    }

    private static StopRequests stopWhen(BooleanSupplier ready) {
        return stop -> {
            Thread asker = Thread.ofVirtual().name("stop-request").start(() -> {
                await().atMost(Duration.ofSeconds(10)).until(ready::getAsBoolean);
                stop.run();
            });
            return asker::interrupt;
        };
    }
}
