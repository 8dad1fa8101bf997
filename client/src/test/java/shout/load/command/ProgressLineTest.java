package shout.load.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import shout.load.LoadProgress;
import shout.load.Phase;

class ProgressLineTest {

    private static String feed(boolean terminal, Duration interval, double... elapsedSeconds) {
        StringWriter err = new StringWriter();
        ProgressLine line = new ProgressLine(new PrintWriter(err), terminal, interval);
        for (double elapsed : elapsedSeconds) {
            line.progress(new LoadProgress(elapsed < 2 ? Phase.WARMUP : Phase.MEASURE, elapsed, 10, elapsed < 2 ? 0 : 1500,
                    elapsed < 2 ? 0 : 12_400));
        }
        line.finish();
        return err.toString();
    }

    @Test
    void offATerminalOnePlainLinePerIntervalWithLatencyInItsUnit() {
        assertEquals(List.of(
                "   1.0 s  warming up  10 connections up  0 msgs/s  p99 -",
                "   3.0 s  measuring   10 connections up  1500 msgs/s  p99 12.4ms",
                "   5.0 s  measuring   10 connections up  1500 msgs/s  p99 12.4ms"),
                feed(false, Duration.ofSeconds(2), 1.0, 2.0, 3.0, 4.0, 5.0).lines().toList());
    }

    @Test
    void aTickALittleEarlyStillCountsAsTheInterval() {
        assertEquals(3, feed(false, Duration.ofSeconds(1), 1.0, 1.98, 3.01).lines().count());
    }

    @Test
    void onATerminalTheLineIsRedrawnAndClearedAtTheEnd() {
        String first = "   1.0 s  warming up  10 connections up  0 msgs/s  p99 -";
        String second = "   2.0 s  measuring   10 connections up  1500 msgs/s  p99 12.4ms";
        assertEquals("\r" + first + "\r" + second + "\r" + " ".repeat(second.length()) + "\r",
                feed(true, Duration.ofSeconds(5), 1.0, 2.0));
    }
}
