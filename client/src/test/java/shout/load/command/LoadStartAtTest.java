package shout.load.command;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogReader;
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
 * {@code --start-at TIME}: connect first, send nothing until TIME, then warm up and measure, so clients
 * on several machines measure the same wall-clock window. Times are a few seconds ahead of now.
 */
@Timeout(20)
class LoadStartAtTest {

    @TempDir
    Path dir;

    /** A start time {@code millis} from now, to the millisecond as a person would write it. */
    private static Instant inMillis(long millis) {
        return Instant.now().plusMillis(millis).truncatedTo(ChronoUnit.MILLIS);
    }

    /** {@code shout load} against a fresh NIO server, {@code stopRequests} made for that server. */
    private static LoadRun load(Function<EchoServer, StopRequests> stopRequests, String... args) throws Exception {
        try (EchoServer server = Servers.start(Mode.NIO, ServerConfig.ephemeral())) {
            List<String> all = new ArrayList<>(List.of("127.0.0.1:" + server.port(), "-t", "1"));
            all.addAll(List.of(args));
            return LoadRun.of(stopRequests.apply(server), all.toArray(String[]::new));
        }
    }

    @Test
    void warmUpAndMeasuringBeginNoEarlierThanTheStartTime() throws Exception {
        Instant startAt = inMillis(2_500);
        Path json = dir.resolve("run.json");
        Path hdrLog = dir.resolve("run.hlog");
        LoadRun run = load(server -> StopRequests.NONE, "-c", "2", "-d", "500ms", "--warmup", "300ms", "--start-at", "" + startAt,
                "--json", "" + json, "--hdr-log", "" + hdrLog);
        assertEquals(0, run.exitCode(), run.err());
        LoadReport report = new ObjectMapper().readValue(json.toFile(), LoadReport.class);
        assertTrue(Instant.parse(report.run().startTime()).isBefore(startAt), "startTime is when connecting began: " + report.run().startTime());
        assertTrue(report.throughput().messages() > 0, "messages " + report.throughput().messages());

        HistogramLogReader reader = new HistogramLogReader(hdrLog.toFile());
        EncodableHistogram first = reader.nextIntervalHistogram();
        long warmedUp = startAt.plusMillis(300).toEpochMilli();
        assertTrue(first.getStartTimeStamp() >= warmedUp,
                "measuring began " + (warmedUp - first.getStartTimeStamp()) + " ms before the start time and warm-up");
        assertTrue(reader.getStartTimeSec() * 1000 >= warmedUp, "the log's StartTime is the measured part's start");
        String waiting = "waiting for " + DateTimeFormatter.ofPattern("HH:mm:ss'Z'").withZone(ZoneOffset.UTC).format(startAt) + " (";
        assertTrue(run.err().contains(waiting), "a progress line while waiting: " + run.err());
    }

    @Test
    void connectionsLateForTheStartTimeStartAtOnceWithOneWarning() throws Exception {
        // at one connect a second the third connection is due 2 s after the run began: 1 s after its start time
        Instant startAt = inMillis(1_000);
        LoadRun run = load(server -> StopRequests.NONE, "-c", "3", "--connect-rate", "1", "-d", "200ms", "--warmup", "0",
                "--start-at", "" + startAt, "--quiet");
        assertEquals(0, run.exitCode(), run.err());
        List<String> warnings = run.err().lines().filter(line -> line.startsWith("warning:")).toList();
        assertEquals(1, warnings.size(), run.err());
        Matcher late = Pattern.compile("warning: the connections were not all up by --start-at " + Pattern.quote("" + startAt)
                + ": this run starts (\\d+\\.\\d\\d) s late").matcher(warnings.getFirst());
        assertTrue(late.matches(), warnings.getFirst());
        assertTrue(Double.parseDouble(late.group(1)) >= 0.5, warnings.getFirst());
    }

    @Test
    void aStopWhileWaitingEndsTheRunWith130AndNothingWasSent() throws Exception {
        long[] bytesIn = new long[1];
        LoadRun run = load(server -> stopWhenAccepted(server, 2, bytesIn), "-c", "2", "--start-at", "" + inMillis(60_000));
        assertEquals(ExitCode.INTERRUPTED.code(), run.exitCode(), run.err());
        assertTrue(run.out().startsWith("interrupted    by Ctrl-C or SIGTERM while connecting, waiting or warming up: "
                + "nothing measured yet"), run.out());
        assertEquals(0, bytesIn[0], "the server read bytes before the start time");
    }

    @Test
    void aTimeAlreadyPastIsOneLineAndExitTwoBeforeConnecting() {
        LoadRun run = LoadRun.of("127.0.0.1:1", "--start-at", "2026-01-01T00:00:00Z");
        assertEquals(ExitCode.USAGE.code(), run.exitCode(), run.err());      // port 1 would have failed with 1
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().startsWith("error: Invalid value for option '--start-at': '2026-01-01T00:00:00Z' has already passed"),
                run.err());
    }

    /** Asks for the stop, as a signal would, once the server has accepted {@code connections}; notes what it had read then. */
    private static StopRequests stopWhenAccepted(EchoServer server, int connections, long[] bytesIn) {
        return stop -> {
            Thread asker = Thread.ofVirtual().name("stop-request").start(() -> {
                await().atMost(Duration.ofSeconds(10)).until(() -> server.stats().snapshot().accepted() >= connections);
                bytesIn[0] = server.stats().snapshot().bytesIn();
                stop.run();
            });
            return asker::interrupt;
        };
    }
}
