package shout.load.command;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shout.load.LoadReport;

/** The load summary says when the client, busy all the time, was what set the pace. */
class ReportPrinterTest {

    private static String summary(double clientCpuSeconds) {
        LoadReport.Settings settings = new LoadReport.Settings("127.0.0.1:1", 100, 1, new LoadReport.Settings.Rates(0, 0),
                new LoadReport.Settings.Timing(0, 2, 0, 1.0), 64, 1, "auto", 1, "upper");
        LoadReport report = new LoadReport(new LoadReport.Run("127.0.0.1:1", 1, false, 64, 1, null, "2026-12-02T00:00:00Z", false),
                new LoadReport.ConnectionCounts(100, 100, 0),
                new LoadReport.Throughput(2, 200_000, 100_000, 6.4, 6.4, List.of()),
                new LoadReport.Latency(900, 1000, 3000, 7000, 9000, 1000), Map.of(), new LoadReport.Fairness(1900, 2000, 2100, 0),
                new LoadReport.Client(clientCpuSeconds, "epoll", "test", "localhost"), settings, null);
        StringWriter text = new StringWriter();
        new ReportPrinter(new PrintWriter(text)).print(report);
        return text.toString();
    }

    @Test
    void aClientBusyAllTheTimeIsCalledClientBound() {
        String summary = summary(1.94);
        assertTrue(summary.contains("client cpu     1.94 s = 97% of one core"), summary);
        assertTrue(summary.contains("client-bound   the load client was busy 97% of the 1 core it could use: the server may be "
                + "faster than this run shows"), summary);
    }

    @Test
    void aClientThatWaitedForTheServerIsNot() {
        String summary = summary(1.0);
        assertTrue(summary.contains("client cpu     1.00 s = 50% of one core"), summary);
        assertFalse(summary.contains("client-bound"), summary);
    }
}
