package shout.load.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import shout.load.IoEngine;
import shout.load.LoadReport;
import shout.server.EchoServer;
import shout.server.Mode;
import shout.server.ServerConfig;
import shout.server.Work;
import shout.server.app.Servers;

/**
 * The open loop on both I/O engines: the schedule is kept, every reply is verified, and no reply is timed
 * faster than the server made it, however the engine batches its sends and reads. Bounds that hold on any
 * machine, never speeds.
 */
@Timeout(20)
class LoadOpenLoopTest {

    private static final int RATE = 2_000;
    private static final double SLEEP_MICROS = 20_000;

    @TempDir
    Path dir;

    private LoadReport run(int port, IoEngine engine, String... args) throws Exception {
        Path json = dir.resolve("run.json");
        String[] all = new String[args.length + 7];
        System.arraycopy(new String[] {"127.0.0.1:" + port, "--io", engine.name().toLowerCase(Locale.ROOT),
                "--quiet", "--json", json.toString(), "--warmup=200ms"}, 0, all, 0, 7);
        System.arraycopy(args, 0, all, 7, args.length);
        LoadRun run = LoadRun.of(all);
        assertEquals(0, run.exitCode(), run.err());
        return new ObjectMapper().readValue(json.toFile(), LoadReport.class);
    }

    @ParameterizedTest
    @MethodSource("shout.load.command.LoadCommandTest#engines")
    void keepsItsScheduleAndVerifiesEveryReply(IoEngine engine) throws Exception {
        LoadReport report;
        try (EchoServer server = Servers.start(Mode.NIO, ServerConfig.ephemeral())) {
            report = run(server.port(), engine, "-c", "50", "-R", String.valueOf(RATE), "-d", "1s");
        }
        assertEquals(Map.of(), report.errors());
        double scheduled = RATE * report.throughput().measuredSeconds();
        assertEquals(scheduled, report.throughput().messages(), scheduled * 0.15, "the schedule's messages, each answered");
    }

    @ParameterizedTest
    @MethodSource("shout.load.command.LoadCommandTest#engines")
    void aReplyIsNeverTimedFasterThanTheServerMadeIt(IoEngine engine) throws Exception {
        LoadReport report;
        try (EchoServer server = Servers.start(Mode.NIO, ServerConfig.builder().port(0).work(Work.parse("sleep:20ms")).build())) {
            report = run(server.port(), engine, "-c", "20", "-R", "400", "-d", "1s");
        }
        assertEquals(Map.of(), report.errors());
        assertTrue(report.throughput().messages() > 0);
        LoadReport.Latency latency = report.latencyMicros();
        LoadReport.Latency service = report.openLoopTimes().serviceTimeMicros();
        assertTrue(latency.p50() >= SLEEP_MICROS && service.p50() >= SLEEP_MICROS, latency + " / " + service);
        // loose, as a busy machine delays the server's timer too; it catches a stamp on the wrong clock
        assertTrue(latency.p50() < 3 * SLEEP_MICROS, "latency p50 near the server's 20 ms: " + latency);
    }
}
