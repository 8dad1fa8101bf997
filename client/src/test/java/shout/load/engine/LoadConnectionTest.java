package shout.load.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import shout.load.ErrorKind;
import shout.load.Expectation;
import shout.load.MarkShare;

/** The per-message path of one connection, driven through a scripted socket: no threads, no network. */
class LoadConnectionTest {

    private static final int SIZE = 10;
    private static final long NOW = 1_000;
    private RunControl control = new RunControl(1, 1, 0);

    private final Payload payload = Payload.forConnection(42, 0, SIZE, Expectation.UPPER);
    private final LoopStats stats = new LoopStats(false);
    private final ScriptedSocket socket = new ScriptedSocket();
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);

    /** An established connection of a closed loop with no message budget. */
    private LoadConnection connection(int pipeline) throws IOException {
        return connection(pipeline, control);
    }

    private LoadConnection connection(int pipeline, RunControl control) throws IOException {
        var connection = new LoadConnection(0, payload, pipeline, new PayloadSlab(SIZE, pipeline, 1), null, control, stats, MarkShare.NONE);
        connection.attach(socket, Long.MAX_VALUE);
        connection.established();
        return connection;
    }

    /** An established connection whose every message counts, its first pipeline sent. */
    private LoadConnection measuredFromTheStart(int pipeline) throws IOException {
        LoadConnection connection = connection(pipeline);
        control.startMeasuring(0);                          // as the run does when its measured part begins
        connection.send(NOW);
        return connection;
    }

    private static byte[] repeat(byte[] message, int times) {
        byte[] all = new byte[message.length * times];
        for (int i = 0; i < times; i++) {
            System.arraycopy(message, 0, all, i * message.length, message.length);
        }
        return all;
    }

    /** Queues the pieces and reads each, as the loop would on readiness. */
    private void deliver(LoadConnection connection, byte[]... pieces) throws IOException {
        for (byte[] piece : pieces) {
            socket.reply(piece);
            assertTrue(connection.read(readBuffer));
        }
    }

    private long count(ErrorKind kind) {
        return stats.errors[kind.ordinal()];
    }

    private long latenciesRecorded() {
        return stats.latency.interval().getTotalCount();
    }

    @Test
    void sendBeginsAWholePipelineInOneGo() throws IOException {
        LoadConnection connection = connection(3);
        connection.send(NOW);
        assertArrayEquals(repeat(payload.request(), 3), socket.written.toByteArray());
        connection.send(NOW);                               // nothing answered: the pipeline is full
        assertEquals(3 * SIZE, socket.written.size());
    }

    @Test
    void aReplySplitIntoPiecesCompletesOnlyWhenWholeAndFreesThePipeline() throws IOException {
        LoadConnection connection = measuredFromTheStart(1);
        byte[] reply = payload.expectedReply();
        stats.latency.beginPass();
        deliver(connection, Arrays.copyOfRange(reply, 0, 3), Arrays.copyOfRange(reply, 3, 9));
        assertEquals(0, connection.measuredCompleted());
        assertEquals(SIZE, socket.written.size());         // the next message waits for the last byte
        deliver(connection, Arrays.copyOfRange(reply, 9, SIZE));
        stats.latency.endPass();
        assertEquals(1, connection.measuredCompleted());
        assertEquals(2 * SIZE, socket.written.size());
        assertEquals(1, latenciesRecorded());
        assertEquals(0, count(ErrorKind.MISMATCH));
    }

    @Test
    void repliesCoalescedIntoOneReadCompleteEachMessage() throws IOException {
        LoadConnection connection = measuredFromTheStart(4);
        stats.latency.beginPass();
        deliver(connection, repeat(payload.expectedReply(), 3));
        stats.latency.endPass();
        assertEquals(3, connection.measuredCompleted());
        assertEquals(3, latenciesRecorded());
        assertEquals(7 * SIZE, socket.written.size());     // three freed slots refilled at once
        assertEquals(0, count(ErrorKind.MISMATCH));
    }

    @Test
    void wrongBytesAreCountedOneByOne() throws IOException {
        LoadConnection connection = connection(1);
        connection.send(NOW);
        byte[] reply = payload.expectedReply().clone();
        reply[0] = payload.request()[0];                    // lower case where upper was due
        reply[SIZE - 1] = '!';
        deliver(connection, reply);
        assertEquals(2, count(ErrorKind.MISMATCH));
    }

    @Test
    void bytesNobodyAskedForAreMismatches() throws IOException {
        LoadConnection connection = connection(1);
        connection.send(NOW);
        byte[] reply = Arrays.copyOf(payload.expectedReply(), SIZE + 4);
        System.arraycopy(payload.expectedReply(), 0, reply, SIZE, 4);
        deliver(connection, reply);
        assertEquals(4, count(ErrorKind.MISMATCH));
    }

    @Test
    void endingWithRepliesOwedCountsTheCauseAndEveryLostByte() throws IOException {
        LoadConnection connection = measuredFromTheStart(2);
        deliver(connection, Arrays.copyOf(payload.expectedReply(), 4));
        connection.end(ErrorKind.UNEXPECTED_CLOSE);
        assertEquals(1, count(ErrorKind.UNEXPECTED_CLOSE));
        assertEquals(2 * SIZE - 4, count(ErrorKind.LOST));
        assertEquals(0, stats.outstandingMeasured);
        assertTrue(socket.closed);
        connection.end(ErrorKind.RESET);                    // a second end counts nothing
        assertEquals(0, count(ErrorKind.RESET));
    }

    @Test
    void theServerClosingTheStreamIsReported() throws IOException {
        LoadConnection connection = connection(1);
        socket.peerClosed = true;
        assertFalse(connection.read(readBuffer));
    }

    @Test
    void aFullSocketWatchesWritesUntilTheRestIsWritten() throws IOException {
        LoadConnection connection = connection(2);
        socket.acceptBytes = 7;
        connection.send(NOW);
        assertTrue(socket.watchingWrites);
        assertEquals(7, socket.written.size());
        socket.acceptBytes = Integer.MAX_VALUE;
        connection.flush(NOW);
        assertFalse(socket.watchingWrites);
        assertArrayEquals(repeat(payload.request(), 2), socket.written.toByteArray());
    }

    @Test
    void outstandingCountsOnlyMeasuredMessagesBegunAndNotAnswered() throws IOException {
        LoadConnection connection = connection(2);
        connection.send(NOW);                               // two warm-up messages
        control.startMeasuring(NOW);
        assertEquals(0, stats.outstandingMeasured);
        deliver(connection, payload.expectedReply());        // answers warm-up 1, begins measured 1
        assertEquals(1, stats.outstandingMeasured);
        deliver(connection, payload.expectedReply(), payload.expectedReply());  // warm-up 2, measured 1
        assertEquals(2, stats.outstandingMeasured);
        connection.end(ErrorKind.RESET);
        assertEquals(0, stats.outstandingMeasured);
    }

    @Test
    void everyReplyWhileMeasuringCountsEvenForAMessageSentInTheWarmUp() throws IOException {
        LoadConnection connection = connection(2);
        connection.send(NOW);                               // two warm-up messages
        deliver(connection, payload.expectedReply());        // answered in the warm-up: not counted
        stats.latency.beginPass();
        control.startMeasuring(NOW);
        deliver(connection, payload.expectedReply(), payload.expectedReply());  // warm-up 2, then the first measured
        stats.latency.endPass();
        assertEquals(2, connection.measuredCompleted());
        assertEquals(2, latenciesRecorded());
        connection.end(ErrorKind.RESET);
        assertEquals(0, stats.outstandingMeasured);
    }

    @Test
    void aCountedRunBeginsNoMoreMeasuredMessagesThanItsBudget() throws IOException {
        control = new RunControl(1, 1, 3);
        LoadConnection connection = connection(2, control);
        control.startMeasuring(NOW);
        connection.send(NOW);
        deliver(connection, repeat(payload.expectedReply(), 2));
        assertEquals(3 * SIZE, socket.written.size());
        assertTrue(control.budgetSpent());
        assertEquals(1, stats.outstandingMeasured);
        deliver(connection, payload.expectedReply());
        assertEquals(3, connection.measuredCompleted());
        assertEquals(0, stats.outstandingMeasured);
        assertEquals(3 * SIZE, socket.written.size());
    }

    @Test
    void bytesRepliesAndLatenciesCountOnlyWhileMeasuring() throws IOException {
        LoadConnection connection = connection(1);
        connection.send(NOW);
        deliver(connection, payload.expectedReply());
        assertEquals(0, stats.measured.bytesOut + stats.measured.bytesIn);
        assertEquals(0, connection.measuredCompleted());
        assertEquals(0, stats.latency.interval().getTotalCount(), "the warm-up's reply went to the scratch sink");
        control.startMeasuring(NOW);
        deliver(connection, payload.expectedReply());
        assertEquals(SIZE, stats.measured.bytesOut);
        assertEquals(SIZE, stats.measured.bytesIn);
        assertEquals(1, connection.measuredCompleted());
        assertEquals(1, stats.latency.interval().getTotalCount());
    }
}
