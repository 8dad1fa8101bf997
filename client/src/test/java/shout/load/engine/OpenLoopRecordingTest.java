package shout.load.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import shout.load.Expectation;
import shout.load.MarkShare;
import shout.load.Phase;

/**
 * What one open-loop connection records: its lateness from the time the loop got round to each scheduled send
 * (passed in, so a fake clock), latency from the schedule and service time from the actual send. Replies are
 * stamped with the real clock, so the assertions hold whatever it reads: they compare the histograms, never a time.
 */
class OpenLoopRecordingTest {

    private static final int SIZE = 10;
    private static final long LATE_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private final Payload payload = Payload.forConnection(42, 0, SIZE, Expectation.UPPER);
    private final LoopStats stats = new LoopStats(false);
    private final ScriptedSocket socket = new ScriptedSocket();
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);
    private final RunControl control = new RunControl(1, 1, 0);
    /** The schedule began ten seconds ago, so every reply comes long after the sends the tests stamp around it. */
    private final long startNanos = System.nanoTime() - TimeUnit.SECONDS.toNanos(10);

    /** A measured connection of a one-connection open loop whose sends are {@code intervalNanos} apart. */
    private LoadConnection connection(long intervalNanos) throws IOException {
        control.startTraffic(Phase.MEASURE, startNanos);
        var schedule = new OpenLoopSchedule(control, intervalNanos, 1);
        var connection = new LoadConnection(0, payload, 1, new PayloadSlab(SIZE, 1, 1), schedule, control, stats, MarkShare.NONE);
        connection.attach(socket, Long.MAX_VALUE);
        connection.established();
        control.startMeasuring(startNanos);
        return connection;
    }

    private void replyOnce(LoadConnection connection) throws IOException {
        socket.reply(payload.expectedReply());
        assertTrue(connection.read(readBuffer));
    }

    @Test
    void aLateSendCountsItsLatenessAndLatencyExceedsServiceTimeByIt() throws IOException {
        LoadConnection connection = connection(TimeUnit.HOURS.toNanos(1));
        connection.scheduledOneMore(startNanos + LATE_NANOS);    // message 0 was due at the start
        replyOnce(connection);
        assertEquals(1, stats.measured.latenessNanos.getTotalCount());
        assertTrue(stats.measured.latenessNanos.valuesAreEquivalent(LATE_NANOS, stats.measured.latenessNanos.getMaxValue()));
        Histogram latency = stats.latency.interval();
        assertEquals(1, stats.measured.serviceNanos.getTotalCount());
        long gap = latency.getMaxValue() - stats.measured.serviceNanos.getMaxValue();
        // each value is kept to 3 significant digits, so the gap is the lateness to within 0.2% of the latency
        assertEquals(LATE_NANOS, gap, latency.getMaxValue() / 500.0);
    }

    @Test
    void aSendHeldBackByTheServerIsNotTheClientsLateness() throws IOException {
        long intervalNanos = TimeUnit.MILLISECONDS.toNanos(1);
        LoadConnection connection = connection(intervalNanos);
        connection.scheduledOneMore(startNanos);                 // message 0, on time
        connection.scheduledOneMore(startNanos + intervalNanos); // message 1, on time, but waits for reply 0 (pipeline 1)
        assertEquals(SIZE, socket.written.size());
        replyOnce(connection);                                   // reply 0 lets message 1 go
        assertEquals(2 * SIZE, socket.written.size());
        replyOnce(connection);
        assertEquals(2, stats.measured.latenessNanos.getTotalCount());
        assertEquals(0, stats.measured.latenessNanos.getMaxValue(), "the client was on time both times");
        Histogram latency = stats.latency.interval();
        assertEquals(2, latency.getTotalCount());
        assertTrue(stats.measured.serviceNanos.getMinValue() < latency.getMinValue(),
                "message 1's service time counts from when it went (after reply 0), its latency from when it was due");
    }

    @Test
    void aReplyReadLateIsTimedWhenItArrivedNotWhenItWasRead() throws IOException {
        LoadConnection connection = connection(TimeUnit.HOURS.toNanos(1));
        connection.scheduledOneMore(startNanos);                 // message 0, sent on time, ten seconds ago
        long serviceNanos = TimeUnit.MILLISECONDS.toNanos(3);
        socket.arrivedNanos = startNanos + serviceNanos;         // the kernel's stamp; the loop reads it only now
        replyOnce(connection);
        Histogram latency = stats.latency.interval();
        assertEquals(serviceNanos, latency.getMaxValue(), serviceNanos / 500.0);
        assertEquals(serviceNanos, stats.measured.serviceNanos.getMaxValue(), serviceNanos / 500.0);
    }

    @Test
    void aDueMessageWaitingForAReplyIsCountedUntilItGoes() throws IOException {
        long intervalNanos = TimeUnit.MILLISECONDS.toNanos(1);
        LoadConnection connection = connection(intervalNanos);
        connection.scheduledOneMore(startNanos);                 // message 0 goes
        assertEquals(0, stats.connectionsHeldBack, "nothing due waits");
        connection.scheduledOneMore(startNanos + intervalNanos); // message 1 is due but the pipeline (1) is full
        assertEquals(1, stats.connectionsHeldBack);
        replyOnce(connection);                                   // reply 0 lets message 1 go
        assertEquals(0, stats.connectionsHeldBack);
        connection.scheduledOneMore(startNanos + 2 * intervalNanos);
        assertEquals(1, stats.connectionsHeldBack);
        connection.end(null);                                    // an ended connection waits for nothing
        assertEquals(0, stats.connectionsHeldBack);
    }

    @Test
    void aClosedLoopRecordsNeitherLatenessNorServiceTime() throws IOException {
        var connection = new LoadConnection(0, payload, 1, new PayloadSlab(SIZE, 1, 1), null, control, stats, MarkShare.NONE);
        connection.attach(socket, Long.MAX_VALUE);
        connection.established();
        control.startMeasuring(startNanos);
        connection.send(System.nanoTime());
        replyOnce(connection);
        assertEquals(1, stats.latency.interval().getTotalCount());
        assertEquals(0, stats.measured.latenessNanos.getTotalCount() + stats.measured.serviceNanos.getTotalCount());
    }
}
