package shout.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import shout.load.LoadReport;
import shout.server.EchoServer;
import shout.server.Mode;
import shout.server.ServerConfig;
import shout.server.app.Servers;

/**
 * SIGTERM or SIGINT (Ctrl-C) on a {@code shout load} process of 60 s, once it measures: within a few
 * seconds it exits 128 + the signal (143 for SIGTERM, 130 for SIGINT), as a shell reports a process the
 * signal ended, and leaves its summary, JSON and HdrHistogram log of what it measured, marked interrupted.
 */
@Timeout(60)
class InterruptIT {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"TERM", "INT"})
    void aSignalEndsTheRunWithWhatWasMeasuredAndExits128PlusTheSignal(String signal) throws Exception {
        Path json = dir.resolve("run.json");
        Path hdrLog = dir.resolve("run.hlog");
        try (EchoServer server = Servers.start(Mode.NIO, ServerConfig.ephemeral())) {
            Process load = new ProcessBuilder(ServerProcess.shoutCommand(List.of(), List.of("load", "127.0.0.1:" + server.port(),
                    "-c", "10", "-d", "60s", "--warmup", "0", "--progress-interval", "1s", "--json", "" + json,
                    "--hdr-log", "" + hdrLog))).start();
            try {
                List<String> errLines = collect(load);
                await().atMost(Duration.ofSeconds(20)).until(() -> errLines.stream().anyMatch(InterruptIT::measuredSome));
                if (signal.equals("INT")) {
                    assumeFalse(ServerProcess.sigintIgnored(load), "SIGINT is ignored in this process tree (started in the background)");
                }
                send(signal, load);
                assertTrue(load.waitFor(10, TimeUnit.SECONDS), "still running 10 s after SIG" + signal);
                String out = new String(load.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertEquals(signal.equals("TERM") ? 143 : 130, load.exitValue(), out + errLines);
                assertTrue(out.startsWith("interrupted    by Ctrl-C or SIGTERM after "), out);
                assertTrue(out.contains("of the planned 60 s; the figures below cover that part"), out);
                assertFalse(String.join("\n", errLines).contains("Exception"), errLines.toString());
            } finally {
                load.destroyForcibly();
            }
        }
        LoadReport report = new ObjectMapper().readValue(json.toFile(), LoadReport.class);
        assertTrue(report.run().interrupted());
        assertTrue(report.throughput().messages() > 0, "messages: " + report.throughput().messages());
        assertTrue(report.throughput().measuredSeconds() < 60, "measured: " + report.throughput().measuredSeconds());
        assertTrue(Files.readString(json).contains("\"interrupted\" : true"), "the JSON says so in words");
        HistogramLogReader intervals = new HistogramLogReader(hdrLog.toFile());
        assertNotNull(intervals.nextIntervalHistogram(), "at least one interval in " + Files.readString(hdrLog));
        intervals.close();
    }

    /** A progress line of the measured part with a p99, so at least one measured reply is in. */
    private static boolean measuredSome(String progressLine) {
        return progressLine.contains("measuring") && !progressLine.endsWith("p99 -");
    }

    private static void send(String signal, Process process) throws IOException, InterruptedException {
        if (signal.equals("TERM")) {
            process.toHandle().destroy();            // a plain SIGTERM, leaving our pipes open
        } else {
            assertEquals(0, new ProcessBuilder("kill", "-INT", "" + process.pid()).inheritIO().start().waitFor());
        }
    }

    /** Stderr's lines as they come, on their own thread. */
    private static List<String> collect(Process process) {
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread.ofVirtual().name("load-" + process.pid() + "-stderr").start(() -> {
            try (BufferedReader err = process.errorReader(StandardCharsets.UTF_8)) {
                err.lines().forEach(lines::add);
            } catch (IOException e) {
                lines.add("(stderr lost: " + e + ")");
            }
        });
        return lines;
    }
}
