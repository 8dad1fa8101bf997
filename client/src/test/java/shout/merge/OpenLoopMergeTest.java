package shout.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import shout.cli.Cli;
import shout.load.LoadReport;
import shout.load.OpenLoopTimes;

/**
 * {@code shout merge} of open-loop reports: the service time and lateness histograms are added where a file has
 * them, and a file written before they were measured still merges, adding none.
 */
@Timeout(10)
class OpenLoopMergeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** The 0.1 report, as the open loop writes it now: with {@code serviceNanos} and {@code latenessNanos} each recorded once. */
    private static LoadReport openLoop(long serviceNanos, long latenessNanos) throws Exception {
        LoadReport old = oldReport();
        return new LoadReport(old.run(), old.connections(), old.throughput(), old.latencyMicros(), old.errors(), old.fairness(),
                old.client(), old.settings(), old.latencyHistogramNanos(), OpenLoopTimes.of(once(serviceNanos), once(latenessNanos)));
    }

    private static LoadReport oldReport() throws Exception {
        try (InputStream in = OldReportFormatTest.class.getResourceAsStream("load-report-0.1.json")) {
            return JSON.readValue(in, LoadReport.class);
        }
    }

    private static Histogram once(long nanos) {
        Histogram histogram = new Histogram(3);
        histogram.recordValue(nanos);
        return histogram;
    }

    private LoadReport merge(LoadReport... reports) throws Exception {
        String[] args = new String[reports.length + 2];
        for (int i = 0; i < reports.length; i++) {
            Path file = dir.resolve("run" + i + ".json");
            JSON.writeValue(file.toFile(), reports[i]);
            args[i] = file.toString();
        }
        Path merged = dir.resolve("merged.json");
        args[reports.length] = "--json";
        args[reports.length + 1] = merged.toString();
        var err = new StringWriter();
        int code = Cli.commandLine(new MergeCommand()).setOut(new PrintWriter(new StringWriter(), true))
                .setErr(new PrintWriter(err, true)).execute(args);
        assertEquals(0, code, err.toString());
        return JSON.readValue(Files.readString(merged), LoadReport.class);
    }

    @Test
    void theOpenLoopHistogramsOfTwoRunsAreAdded() throws Exception {
        LoadReport sum = merge(openLoop(100_000, 10_000), openLoop(300_000, 2_000_000));
        Histogram service = sum.openLoopTimes().decodeServiceTime();
        assertEquals(2, service.getTotalCount());
        assertEquals(service.highestEquivalentValue(300_000), service.getMaxValue());
        assertEquals(2, sum.openLoopTimes().decodeLateness().getTotalCount());
        assertEquals(true, sum.clientLate(), "the sum's p99 lateness is the late run's 2 ms");
    }

    @Test
    void aReportWithoutThemMergesWithOneThatHasThem() throws Exception {
        LoadReport sum = merge(oldReport(), openLoop(100_000, 10_000));
        assertEquals(6000, sum.throughput().messages());
        assertEquals(1, sum.openLoopTimes().decodeServiceTime().getTotalCount(), "only the new run had service times");
        assertEquals(false, sum.clientLate());
    }

    @Test
    void reportsWithoutThemMergeWithoutThem() throws Exception {
        assertNull(merge(oldReport(), oldReport()).openLoopTimes());
    }
}
