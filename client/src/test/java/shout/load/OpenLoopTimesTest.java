package shout.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The open loop's client-late bound, and how its figures go into a report's JSON and come back. */
class OpenLoopTimesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** 1,000 sends: {@code lateOnes} of them {@code lateNanos} late, the rest 50 us. */
    private static Histogram lateness(int lateOnes, long lateNanos) {
        Histogram nanos = new Histogram(3);
        nanos.recordValueWithCount(50_000, 1000 - lateOnes);
        nanos.recordValueWithCount(lateNanos, lateOnes);
        return nanos;
    }

    private static Histogram service() {
        Histogram nanos = new Histogram(3);
        nanos.recordValueWithCount(80_000, 1000);
        return nanos;
    }

    @Test
    void aRunIsClientLateOnlyWhenItsP99LatenessExceedsTheBound() {
        long twoMillis = TimeUnit.MILLISECONDS.toNanos(2);
        assertFalse(OpenLoopTimes.of(service(), lateness(10, twoMillis)).clientLate(), "1% late leaves p99 at 50 us");
        assertTrue(OpenLoopTimes.of(service(), lateness(11, twoMillis)).clientLate(), "1.1% late puts p99 at 2 ms");
        assertFalse(OpenLoopTimes.of(service(), lateness(1000, OpenLoopTimes.LATE_NANOS)).clientLate(), "at the bound is not beyond it");
        assertFalse(OpenLoopTimes.of(service(), new Histogram(3)).clientLate(), "nothing sent, nothing late");
    }

    @Test
    void anOpenLoopReportWritesItsTimesFlatAndReadsThemBack() throws Exception {
        LoadReport report = withTimes(OpenLoopTimes.of(service(), lateness(20, TimeUnit.MILLISECONDS.toNanos(3))));
        JsonNode tree = JSON.readTree(JSON.writeValueAsString(report));
        assertEquals(80, tree.get("serviceTimeMicros").get("p50").asDouble(), 0.1);
        assertEquals(3000, tree.get("latenessMicros").get("p99").asDouble(), 3);
        assertTrue(tree.get("clientLate").asBoolean());
        assertEquals(100, tree.get("clientCpuMicrosPerMessage").asDouble(), 1e-9, "0.1 s of CPU over 1,000 messages");
        LoadReport back = JSON.treeToValue(tree, LoadReport.class);
        assertEquals(report.openLoopTimes(), back.openLoopTimes());
        assertEquals(service(), back.openLoopTimes().decodeServiceTime());
        assertTrue(back.clientLate());
    }

    @Test
    void aClosedLoopReportHasNoOpenLoopFields() throws Exception {
        JsonNode tree = JSON.readTree(JSON.writeValueAsString(withTimes(null)));
        assertFalse(tree.has("serviceTimeMicros") || tree.has("latenessMicros") || tree.has("clientLate"), tree.toString());
        assertEquals(null, JSON.treeToValue(tree, LoadReport.class).openLoopTimes());
    }

    private static LoadReport withTimes(OpenLoopTimes times) {
        Histogram latency = service();
        return new LoadReport(new LoadReport.Run("127.0.0.1:1", 1, times != null, 64, 1, null, "2026-12-07T00:00:00Z", false),
                new LoadReport.ConnectionCounts(1, 1, 0), new LoadReport.Throughput(1, 1000, 1000, 0.064, 0.064, java.util.List.of()),
                LoadReport.Latency.of(latency), java.util.Map.of(), new LoadReport.Fairness(1000, 1000, 1000, 0),
                new LoadReport.Client(0.1, "epoll", "test", "localhost"), null, LoadReport.encode(latency), times);
    }
}
