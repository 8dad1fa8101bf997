package shout.compare.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import shout.load.Expectation;
import shout.load.MessageShape;
import shout.server.Mode;

/** {@code --scenario echo-grid}: its plan, its estimate and what it refuses; nothing runs. */
@Timeout(5)
class EchoGridScenarioTest {

    private static final CpuPinning PINNED = CpuPinning.decide(2, true, null, null);
    private static final CellSettings CELLS = new CellSettings(new MessageShape(64, 1), Scenario.WARMUP, Scenario.DURATION, 1,
            Duration.ofSeconds(3));
    private static final Target.Peer NETTY_ECHO = new PeerConverter().convert("netty-echo=127.0.0.1:8007,expect=echo");

    @Test
    void threeSizesBySixConnectionCountsOverOurFourModesThenThePeers() {
        List<ComparePart> parts = Scenario.ECHO_GRID.parts(CELLS, PINNED, 2, null, List.of(NETTY_ECHO));
        assertEquals(List.of("128-byte messages", "512-byte messages", "1000-byte messages"),
                parts.stream().map(ComparePart::title).toList());
        assertEquals(List.of(128, 512, 1000), parts.stream().map(p -> p.plan().settings().shape().sizeBytes()).toList());
        for (ComparePart part : parts) {
            assertEquals(List.of(1, 50, 150, 300, 500, 1000), part.plan().connections());
            assertEquals(List.of("blocking", "virtual", "nio", "netty", "netty-echo"),
                    part.plan().targets().stream().map(Target::name).toList());
            assertEquals(Expectation.ECHO, part.plan().cells().getLast().target().expect());
            assertEquals(List.of(), part.serverArgs(), "no server work: the published grids measure plain echo");
            assertEquals(List.of(Scenario.WARMUP, Scenario.DURATION), List.of(part.plan().settings().warmup(), part.plan().settings().duration()));
            assertEquals(PINNED, part.pinning());
        }
        assertTrue(parts.getFirst().notes().getFirst().contains("here the client has 1 CPU for the server's 1"), parts.getFirst().notes().toString());
    }

    @Test
    void modesGivenReplaceTheDefaultRows() {
        List<ComparePart> parts = Scenario.ECHO_GRID.parts(CELLS, PINNED, 2, List.of(Mode.NETTY), List.of());
        assertEquals(List.of(new Target.Server(Mode.NETTY)), parts.getFirst().plan().targets());
    }

    @Test
    void estimateIsSaidUpFrontFromTheNumbersTheRunUsesAndStaysWithinTenMinutesWithAPeer() {
        List<ComparePart> parts = Scenario.ECHO_GRID.parts(CELLS, PINNED, 2, null, List.of(NETTY_ECHO));
        long seconds = parts.stream().mapToLong(p -> p.plan().estimatedDuration().toSeconds()).sum();
        assertTrue(seconds <= 10 * 60, seconds + " s");
        Duration perPart = ComparePlan.SERVERS_OVERHEAD.plus(Duration.ofSeconds(3).multipliedBy(5))
                .plus(Duration.ofMillis(4400).multipliedBy(30))
                .plus(Duration.ofMillis(2001).multipliedBy(4))              // 1 ms a connection for all but blocking ...
                .plus(Duration.ofMillis(1 + 50 + 150 + 300 + 500 + 1000).multipliedBy(5).dividedBy(2)); // ... 2.5 ms for blocking
        assertEquals(perPart, parts.getFirst().plan().estimatedDuration());
        String announcement = ComparePart.announcement("--scenario echo-grid", parts);
        String each = " 30 ~" + ComparePlan.minutesAndSeconds(perPart.toSeconds());
        assertTrue(announcement.startsWith("compare --scenario echo-grid: 3 parts (128-byte messages" + each + ", 512-byte messages"
                + each + ", 1000-byte messages" + each + ") = 90 cells x (1s warm-up"), announcement);
        assertTrue(announcement.endsWith(" = about " + ComparePlan.minutesAndSeconds(seconds)), announcement);
    }

    @Test
    void sizeIsRefusedBecauseTheGridSetsItsOwnButPeersAndModesAreTaken() {
        assertEquals("--scenario echo-grid chooses its own message sizes (128, 512, 1000 bytes), connections and work; drop --size",
                Scenario.ECHO_GRID.refusal(Set.of("--size", "--peer", "--modes")::contains));
        assertNull(Scenario.ECHO_GRID.refusal(Set.of("--peer", "--modes", "--duration")::contains));
        assertEquals("--scenario echo-grid chooses its own message sizes (128, 512, 1000 bytes), connections and work; drop "
                + "--size, --connections", Scenario.ECHO_GRID.refusal(Set.of("--size", "--connections")::contains));
    }

    @Test
    void lessonsRefusesAPeerItsWorkCannotApplyTo() {
        assertEquals("--scenario lessons cannot measure a peer: its servers do work per message (sleep, cpu) that a running "
                + "peer does not; drop --peer", Scenario.LESSONS.refusal(Set.of("--peer")::contains));
        assertEquals("--scenario lessons chooses its own rows, connections and work; drop --modes",
                Scenario.LESSONS.refusal(Set.of("--modes")::contains));
    }

    @Test
    void scenarioNamesAreReadWithTheirHyphenAndListedSo() {
        assertEquals(Scenario.ECHO_GRID, new Scenario.Converter().convert("Echo-Grid"));
        List<String> names = new ArrayList<>();
        new Scenario.Names().forEach(names::add);
        assertEquals(List.of("lessons", "echo-grid"), names);
    }
}
