package shout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class StartLineTest {

    @Test
    void whatIsWrittenIsReadBack() {
        StartLine line = new StartLine(new HostPort("::1", 40_123), "mode=nio threads=2");
        assertEquals("listening on [::1]:40123 mode=nio threads=2", line.toString());
        assertEquals(Optional.of(line), StartLine.parse(line.toString()));
    }

    @Test
    void theDescriptionAnswersByKey() {
        StartLine line = StartLine.parse("listening on 127.0.0.1:8081 mode=netty transport=epoll threads=2").orElseThrow();
        assertEquals(8081, line.port());
        assertEquals(Optional.of("epoll"), line.value("transport"));
        assertEquals(Optional.empty(), line.value("processes"));
    }

    @Test
    void withReplacesAKeysValueOrAddsTheKey() {
        StartLine line = new StartLine(new HostPort("127.0.0.1", 8081), "mode=nio metrics=http://127.0.0.1:9100/metrics threads=2");
        assertEquals("mode=nio metrics=a,b threads=2", line.with("metrics", "a,b").description());
        assertEquals("mode=nio metrics=http://127.0.0.1:9100/metrics threads=2 processes=2",
                line.with("processes", "2").description());
        assertEquals("processes=2", new StartLine(line.address(), "").with("processes", "2").description());
    }

    @Test
    void otherLinesAreNotStartLines() {
        assertTrue(StartLine.parse("warning: listening on 0.0.0.0, reachable from beyond this machine").isEmpty());
        assertTrue(StartLine.parse("listening on nowhere").isEmpty());
        assertTrue(StartLine.parse(null).isEmpty());
    }
}
