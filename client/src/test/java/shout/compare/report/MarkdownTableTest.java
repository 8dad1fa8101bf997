package shout.compare.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import shout.server.Mode;

/**
 * The comparison table: a cell that had not settled, or whose load client was busy all the time, carries a mark on its
 * msgs/s and a line in a footnote.
 */
class MarkdownTableTest {

    @Test
    void anUnsettledCellIsMarkedAndItsVerdictIsInTheFootnote() {
        String table = MarkdownTable.render(List.of(ReportCells.settled(Mode.NIO, 100), ReportCells.rising(Mode.NIO, 1000),
                ReportCells.failed(Mode.NIO, 10000)));
        List<String> lines = table.lines().toList();
        assertTrue(lines.get(2).startsWith("| nio | 100 | 100,000 | "), table);
        assertTrue(lines.get(3).startsWith("| nio | 1000 | 63,700 ~ | "), table);
        assertFalse(lines.get(4).contains("~"), "a failed cell has no verdict: " + table);
        assertEquals("", lines.get(5));
        assertTrue(lines.get(6).startsWith("~ not settled: "), table);
        assertTrue(lines.get(7).matches("- nio at 1000 connections: still rising \\(spread \\d+%, trend \\+\\d+%, 10 intervals\\)"), table);
        assertEquals(8, lines.size(), "only the unsettled cell is listed: " + table);
    }

    @Test
    void aCellThatHeldIdleConnectionsSaysHowManyBesideItsOwn() {
        String table = MarkdownTable.render(List.of(ReportCells.withIdle(Mode.NIO, 100, 9_900), ReportCells.settled(Mode.NIO, 100)));
        List<String> lines = table.lines().toList();
        assertTrue(lines.get(2).startsWith("| nio | 100 + 9,900 idle | 10,000 | "), table);
        assertTrue(lines.get(3).startsWith("| nio | 100 | 100,000 | "), table);
    }

    @Test
    void whenEveryCellSettledThereIsNoMarkAndNoFootnote() {
        String table = MarkdownTable.render(List.of(ReportCells.settled(Mode.NIO, 1), ReportCells.settled(Mode.NETTY, 1)));
        assertFalse(table.contains("~"), table);
        assertEquals(4, table.lines().count(), table);
    }

    @Test
    void aCellTooShortToTellIsMarkedToo() {
        String table = MarkdownTable.render(List.of(ReportCells.measured(Mode.VIRTUAL, 10, 50_000, 50_000, 50_000)));
        assertTrue(table.contains("| 50,000 ~ |"), table);
        assertTrue(table.contains("- virtual at 10 connections: too short to tell (3 whole intervals, at least 5 needed)"), table);
    }

    @Test
    void aCellWhoseClientWasBusyAllTheTimeIsMarkedClientBound() {
        String table = MarkdownTable.render(List.of(ReportCells.settled(Mode.NIO, 100), ReportCells.clientBound(Mode.NETTY, 100)));
        List<String> lines = table.lines().toList();
        assertTrue(lines.get(2).startsWith("| nio | 100 | 100,000 | "), "a client 10% busy is no mark: " + table);
        assertTrue(lines.get(3).startsWith("| netty | 100 | 100,000 ^ | "), table);
        assertTrue(lines.get(5).startsWith("^ client-bound: the load client was busy 90% of the time or more, "), table);
        assertTrue(lines.get(5).contains("compare their server us/msg instead"), "the legend points to the cost column: " + table);
        assertEquals("- netty at 100 connections: the load client was busy 97% of the 1 core it could use", lines.get(6), table);
        assertEquals(7, lines.size(), "only the client-bound cell is listed: " + table);
    }

    @Test
    void aCellBothUnsettledAndClientBoundCarriesBothMarks() {
        String table = MarkdownTable.render(List.of(ReportCells.measuredWithClientBusy(Mode.VIRTUAL, 10, 0.95, 50_000, 50_000, 50_000)));
        assertTrue(table.contains("| 50,000 ~ ^ |"), table);
        assertTrue(table.contains("- virtual at 10 connections: too short to tell"), table);
        assertTrue(table.contains("- virtual at 10 connections: the load client was busy 95% of the 1 core it could use"), table);
    }

    @Test
    void everyMeasuredCellShowsWhatItCostPerMessageAndPerConnection() {
        String table = MarkdownTable.render(List.of(ReportCells.settled(Mode.NIO, 100), ReportCells.failed(Mode.NETTY, 100)));
        List<String> lines = table.lines().toList();
        assertTrue(lines.get(0).endsWith("| CPU s | server us/msg | client us/msg | server KiB/conn |"), table);
        // 100,000 messages; the server used 0.5 s of CPU, the client 0.1 s; 12.5 KiB a connection
        assertTrue(lines.get(2).endsWith("| 0.50 | 5.0 | 1.0 | 12.5 |"), table);
        assertEquals(lines.get(0).split("\\|", -1).length, lines.get(3).split("\\|", -1).length, "a failed row has every column: " + table);
        assertFalse(lines.get(0).contains("offered"), "no offered column for closed loops: " + table);
    }

    @Test
    void anOpenLoopCellBelowItsOfferedRateIsMarkedNotSustained() {
        String table = MarkdownTable.render(List.of(
                ReportCells.offered(Mode.NIO, 100, 50_000, 50_000, 50_000, 49_500, 50_500, 50_000, 50_000),
                ReportCells.offered(Mode.VIRTUAL, 100, 50_000, 45_000, 46_000, 45_500, 46_500, 45_000, 46_000),
                ReportCells.offered(Mode.NETTY, 100, 50_000, 49_100, 49_100, 49_100, 49_100, 49_100, 49_100)));
        List<String> lines = table.lines().toList();
        // 98.2% of the offered rate is sustained, 91% is not
        assertEquals(List.of("| server | connections | offered msgs/s | msgs/s |", "| nio | 100 | 50,000 | 50,000 |",
                "| virtual | 100 | 50,000 | 45,667 ! |", "| netty | 100 | 50,000 | 49,100 |"),
                lines.stream().filter(l -> !l.startsWith("| ---")).limit(4).map(l -> firstColumns(l, 4)).toList(), table);
        assertTrue(lines.get(6).startsWith("! not sustained: the server answered less than 98% of the rate offered"), table);
        assertEquals("- virtual at 100 connections, 50,000 msgs/s offered: answered 45,667 msgs/s (91%)", lines.get(7), table);
        assertEquals(8, lines.size(), "only the cell that fell short is listed: " + table);
    }

    @Test
    void cellsWithMarkedMessagesShowTheUnmarkedAndTheMarkedLatencyApart() {
        List<List<String>> rows = MarkdownTable.render(List.of(ReportCells.marked(Mode.NIO, 1000), ReportCells.settled(Mode.NETTY, 1000),
                ReportCells.failed(Mode.VIRTUAL, 1000))).lines().limit(5).map(row -> List.of(row.split(" \\| ", -1))).toList();
        List<String> header = rows.get(0);
        int at = header.indexOf("unmarked p50 ms");
        assertEquals(List.of("max ms", "unmarked p50 ms", "unmarked p99 ms", "marked p50 ms", "marked p99 ms", "errors"),
                header.subList(at - 1, at + 5), "after the overall latency");
        assertEquals(List.of("3.00", "19.0", "20.1", "25.0"), rows.get(2).subList(at, at + 4));
        assertEquals(List.of("-", "-", "-", "-"), rows.get(3).subList(at, at + 4), "a cell without marks");
        assertEquals(header.size(), rows.get(4).size(), "a failed row has every column");
    }

    @Test
    void withoutMarkedCellsTheTableHasNoMarkedColumns() {
        String table = MarkdownTable.render(List.of(ReportCells.settled(Mode.NIO, 100)));
        assertFalse(table.contains("marked"), table);
    }

    /** The first {@code count} columns of a table row, written as the row writes them. */
    private static String firstColumns(String row, int count) {
        String[] cells = row.split(" \\| ", -1);
        return String.join(" | ", List.of(cells).subList(0, count)) + " |";
    }
}
