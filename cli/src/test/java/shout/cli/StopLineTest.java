package shout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class StopLineTest {

    @Test
    void whatIsWrittenIsReadBack() {
        StopLine line = new StopLine("connections accepted=2 rejected=0 active=0 bytes in=8 out=8");
        assertEquals("stopped: connections accepted=2 rejected=0 active=0 bytes in=8 out=8", line.toString());
        assertEquals(Optional.of(line), StopLine.parse(line.toString()));
    }

    @Test
    void otherLinesAreNotStopLines() {
        assertTrue(StopLine.parse("listening on 127.0.0.1:8081 mode=nio").isEmpty());
        assertTrue(StopLine.parse("process 1 stopped: connections accepted=2").isEmpty(), "a group's relayed line");
        assertTrue(StopLine.parse(null).isEmpty());
    }
}
