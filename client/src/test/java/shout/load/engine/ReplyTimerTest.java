package shout.load.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import shout.load.Expectation;
import shout.load.MarkShare;

/** The per-reply timeout on a scripted connection, its clock given by the test: no threads, no network, no sleeping. */
class ReplyTimerTest {

    private static final int SIZE = 8;
    private static final long SENT = 1_000;
    private static final Duration TIMEOUT = Duration.ofNanos(800);

    private final Payload payload = Payload.forConnection(7, 0, SIZE, Expectation.UPPER);
    private final ScriptedSocket socket = new ScriptedSocket();
    private final LoadConnection connection = established();
    private final List<LoadConnection> expired = new ArrayList<>();

    private LoadConnection established() {
        var made = new LoadConnection(0, payload, 1, new PayloadSlab(SIZE, 1, 1), null, new RunControl(1, 1, 0), new LoopStats(false), MarkShare.NONE);
        made.attach(socket, Long.MAX_VALUE);
        try {
            made.established();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return made;
    }

    private void expireAt(ReplyTimer timer, long nowNanos) {
        timer.expire(nowNanos, List.of(connection), expired::add);
    }

    @Test
    void aReplyLaterThanTheTimeoutExpiresItsConnection() throws IOException {
        connection.send(SENT);
        expireAt(new ReplyTimer(TIMEOUT), SENT + TIMEOUT.toNanos() + 1);
        assertEquals(List.of(connection), expired);
    }

    @Test
    void aReplyJustInTimeDoesNot() throws IOException {
        connection.send(SENT);
        expireAt(new ReplyTimer(TIMEOUT), SENT + TIMEOUT.toNanos());
        assertEquals(List.of(), expired);
    }

    @Test
    void aConnectionOwedNothingNeverExpires() throws IOException {
        connection.send(SENT);
        socket.reply(payload.expectedReply());
        connection.read(ByteBuffer.allocate(64));   // the reply completes and begins the next message
        socket.written.reset();
        expireAt(new ReplyTimer(TIMEOUT), SENT + TIMEOUT.toNanos() + 1);
        assertEquals(List.of(), expired, "the next message was issued with the reply, not at the first send");
    }

    @Test
    void zeroNeverFires() throws IOException {
        connection.send(SENT);
        expireAt(new ReplyTimer(Duration.ZERO), Long.MAX_VALUE / 2);
        assertEquals(List.of(), expired);
    }

    @Test
    void scansAtMostOncePerEighthOfTheTimeout() throws IOException {
        ReplyTimer timer = new ReplyTimer(TIMEOUT);
        connection.send(SENT);
        long deadline = SENT + TIMEOUT.toNanos();
        expireAt(timer, deadline);                          // in time: a scan that finds nothing
        expireAt(timer, deadline + 1);                      // late, but too soon for the next scan
        assertEquals(List.of(), expired);
        expireAt(timer, deadline + TIMEOUT.toNanos() / 8);
        assertEquals(List.of(connection), expired);
    }

    @Test
    void anEndedConnectionIsNotExpiredAgain() throws IOException {
        connection.send(SENT);
        connection.end(null);
        expireAt(new ReplyTimer(TIMEOUT), SENT + TIMEOUT.toNanos() + 1);
        assertEquals(List.of(), expired);
    }
}
