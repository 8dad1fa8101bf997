package shout.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The cap: a permit per admitted connection, released once however many paths close it. */
class ServerStatsTest {

    @Test
    void aPermitReleasedTwiceGivesItsPlaceBackOnce() {
        ServerStats stats = new ServerStats(2);
        ConnectionPermit first = stats.tryOpen().orElseThrow();
        stats.tryOpen().orElseThrow();
        first.release();
        first.release();
        assertEquals(1, stats.active(), stats.snapshot().toString());
    }

    @Test
    void overTheCapNoPermitAndTheRejectionIsCounted() {
        ServerStats stats = new ServerStats(1);
        ConnectionPermit only = stats.tryOpen().orElseThrow();
        assertTrue(stats.tryOpen().isEmpty());
        only.release();
        assertTrue(stats.tryOpen().isPresent(), "the released place is free again");
        assertEquals(new ServerStats.Snapshot(1, 2, 1, 0, 0, 0), stats.snapshot());
    }
}
