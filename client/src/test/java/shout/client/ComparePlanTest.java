package shout.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;
import shout.server.Mode;

/** The plan's arithmetic, the small parsers, and the pinning decision: no processes. */
@Timeout(5)
class ComparePlanTest {

    private static final List<Target> ALL_MODES = Arrays.stream(Mode.values()).<Target>map(Target.Server::new).toList();

    @Test
    void quickPresetOverAllModesFitsInAMinute() {
        List<Integer> counts = Arrays.stream(CompareCommand.QUICK_CONNECTIONS.split(",")).map(Integer::valueOf).toList();
        var plan = new ComparePlan(ALL_MODES, counts, 64, 1, CompareCommand.QUICK_WARMUP, CompareCommand.QUICK_DURATION);
        assertEquals(ALL_MODES.size() * 3, plan.cells().size());
        assertTrue(plan.estimatedDuration().compareTo(Duration.ofMinutes(1)) < 0, plan.announcement());
    }

    @Test
    void defaultRunTakesAFewMinutesAndSaysSo() {
        var plan = new ComparePlan(ALL_MODES, List.of(1, 100, 1000, 10000), 64, 1, Duration.ofSeconds(2), Duration.ofSeconds(5));
        assertEquals(Duration.ofSeconds(24 * 9), plan.estimatedDuration());
        assertEquals("compare: 6 servers x 4 connection counts = 24 cells x (2s warm-up + 5s + ~2s start/stop) = about 3 min 36 s",
                plan.announcement());
    }

    @Test
    void cpuTicksAreUtimePlusStimeEvenWhenTheNameHoldsSpacesAndParentheses() {
        String stat = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 31 0 0 20 0 18 0 1000 0";
        assertEquals(281, ProcStat.cpuTicks(stat));
    }

    @Test
    void peerReadsNameHostAndPortIncludingBracketedIpv6() {
        assertEquals(new Target.Peer("py", "127.0.0.1", 8081), new PeerConverter().convert("py=127.0.0.1:8081"));
        assertEquals(new Target.Peer("six", "::1", 9000), new PeerConverter().convert("six=[::1]:9000"));
        assertThrows(CommandLine.TypeConversionException.class, () -> new PeerConverter().convert("py=127.0.0.1"));
        assertThrows(CommandLine.TypeConversionException.class, () -> new PeerConverter().convert("py=h:70000"));
    }

    @Test
    void pinsServerToCpu0AndClientToTheRestOnlyWithTwoCoresAndTaskset() {
        CpuPinning four = CpuPinning.decide(4, true, null, null);
        assertEquals(List.of("taskset", "-c", "0"), four.serverPrefix());
        assertEquals(List.of("taskset", "-c", "1-3"), four.clientPrefix());
        assertEquals(List.of(), CpuPinning.decide(1, true, null, null).serverPrefix());
        CpuPinning noTaskset = CpuPinning.decide(8, false, "2", "3");
        assertEquals(List.of(), noTaskset.clientPrefix());
        assertEquals("not pinned: taskset not found on the PATH", noTaskset.description());
    }
}
