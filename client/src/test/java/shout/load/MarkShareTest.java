package shout.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MarkShareTest {

    @ParameterizedTest
    @CsvSource({"1%, 10000, 1%", "0.5%, 5000, 0.5%", "100%, 1000000, 100%", "0.01, 10000, 1%", "0.25, 250000, 25%",
            "' 2 % ', 20000, 2%", "0.0001%, 1, 0.0001%"})
    void readsPercentagesAndFractionsBelowOne(String text, long partsPerMillion, String written) {
        MarkShare share = MarkShare.parse(text);
        assertEquals(partsPerMillion, share.partsPerMillion());
        assertEquals(written, share.toString());
        assertEquals(share, MarkShare.parse(share.toString()), "toString reads back");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "0%     | mark must be a percentage in (0, 100%], e.g. 1% or 0.5%, or a fraction below 1, e.g. 0.01, not '0%'",
        "0      | mark must be a percentage in (0, 100%], e.g. 1% or 0.5%, or a fraction below 1, e.g. 0.01, not '0'",
        "-1%    | mark must be a percentage in (0, 100%], e.g. 1% or 0.5%, or a fraction below 1, e.g. 0.01, not '-1%'",
        "101%   | mark must be a percentage in (0, 100%], e.g. 1% or 0.5%, or a fraction below 1, e.g. 0.01, not '101%'",
        "1.5    | mark must be a percentage in (0, 100%], e.g. 1% or 0.5%, or a fraction below 1, e.g. 0.01, not '1.5'",
        "1      | mark '1' is ambiguous: write 100% to mark every message, or 1% for one in a hundred",
        "lots   | mark 'lots' is not a percentage in (0, 100%], e.g. 1% or 0.5%, or a fraction below 1, e.g. 0.01",
        "%      | mark '%' is not a percentage in (0, 100%], e.g. 1% or 0.5%, or a fraction below 1, e.g. 0.01",
        "0.00001% | mark must be at least 0.0001%, not '0.00001%'"})
    void refusesWhatIsNoShareInOneLine(String text, String error) {
        assertEquals(error, assertThrows(IllegalArgumentException.class, () -> MarkShare.parse(text)).getMessage());
    }

    @ParameterizedTest
    @CsvSource({"1%, 100", "0.5%, 200", "25%, 4", "30%, 10", "100%, 1"})
    void everyConnectionMarksExactlyItsShareOfAnyStretchOfMessages(String text, int stretch) {
        MarkShare share = MarkShare.parse(text);
        long perStretch = share.partsPerMillion() * stretch / 1_000_000;
        for (int connection : new int[] {0, 1, 37, 999}) {
            for (long from : new long[] {0, 5, 1_000_003}) {
                long marked = LongStream.range(from, from + stretch).filter(m -> share.marks(connection, m)).count();
                assertEquals(perStretch, marked, text + " of connection " + connection + " from message " + from);
            }
        }
    }

    @Test
    void theConnectionsTakeTurnsSoThatTheirMarkedMessagesDoNotCoincide() {
        MarkShare share = MarkShare.parse("1%");
        for (long message = 0; message < 300; message++) {
            long atOnce = 0;
            for (int connection = 0; connection < 1000; connection++) {
                atOnce += share.marks(connection, message) ? 1 : 0;
            }
            assertEquals(10, atOnce, "1% of 1,000 connections mark their message " + message);
        }
    }

    @Test
    void noneMarksNothing() {
        assertFalse(MarkShare.NONE.any());
        assertTrue(LongStream.range(0, 10_000).noneMatch(m -> MarkShare.NONE.marks(3, m)));
        assertEquals("0%", MarkShare.NONE.toString());
    }

    @Test
    void aShapeWithMarksNeedsPipelineOne() {
        assertEquals("mark needs pipeline 1, not 2: with more messages in flight the server may read several as one chunk "
                        + "and cost them all by the first one's mark",
                assertThrows(IllegalArgumentException.class, () -> new MessageShape(64, 2, MarkShare.parse("1%"))).getMessage());
        assertEquals(MarkShare.NONE, new MessageShape(64, 2).mark());
    }
}
