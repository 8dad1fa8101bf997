package shout.load.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import shout.cli.Marker;
import shout.load.ErrorKind;
import shout.load.Expectation;
import shout.load.MarkShare;

/** Marked messages on one connection, driven through a scripted socket: the marker goes out and is expected back. */
class MessageMarksTest {

    private static final int SIZE = 8;
    private static final long NOW = 1_000;
    private final RunControl control = new RunControl(1, 1, 0);
    /** Half the messages, so that connection 0 marks every second one: 1, 3, 5, ... */
    private static final MarkShare HALF = MarkShare.parse("50%");

    private final Payload payload = Payload.forConnection(7, 0, SIZE, Expectation.UPPER);
    private final LoopStats stats = new LoopStats(true);
    private final ScriptedSocket socket = new ScriptedSocket();
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(1024);

    private LoadConnection measuredConnection() throws IOException {
        var connection = new LoadConnection(0, payload, 1, new PayloadSlab(SIZE, 1, 1), null, control, stats, HALF);
        connection.attach(socket, Long.MAX_VALUE);
        connection.established();
        control.startMeasuring(0);
        connection.send(NOW);
        return connection;
    }

    /** The message or its reply with the marker as first byte. */
    private static byte[] marked(byte[] bytes) {
        byte[] copy = bytes.clone();
        copy[0] = Marker.BYTE;
        return copy;
    }

    private void answer(LoadConnection connection, byte[] reply) throws IOException {
        socket.written.reset();
        socket.reply(reply);
        assertTrue(connection.read(readBuffer));
    }

    @Test
    void markedMessagesStartWithTheMarkerAndTheirRepliesAreCheckedWithIt() throws IOException {
        LoadConnection connection = measuredConnection();
        assertArrayEquals(payload.request(), socket.written.toByteArray(), "message 0 is not marked");
        for (int message = 0; message < 6; message++) {
            boolean markedNow = message % 2 == 1;
            answer(connection, markedNow ? marked(payload.expectedReply()) : payload.expectedReply());
            byte[] next = message % 2 == 0 ? marked(payload.request()) : payload.request();
            assertArrayEquals(next, socket.written.toByteArray(), "message " + (message + 1));
        }
        assertEquals(0, stats.errors[ErrorKind.MISMATCH.ordinal()], "the marker came back as sent");
        assertEquals(3, stats.measured.markedNanos.getTotalCount());
        assertEquals(3, stats.measured.unmarkedNanos.getTotalCount());
    }

    @Test
    void aMarkedMessageAnsweredWithoutItsMarkerIsOneWrongByte() throws IOException {
        LoadConnection connection = measuredConnection();
        answer(connection, payload.expectedReply());         // message 0, plain
        answer(connection, payload.expectedReply());         // message 1 was marked: its first byte is wrong
        assertEquals(1, stats.errors[ErrorKind.MISMATCH.ordinal()]);
    }
}
