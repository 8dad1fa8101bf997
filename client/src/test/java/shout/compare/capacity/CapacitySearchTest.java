package shout.compare.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import shout.compare.plan.LatencyTarget;
import shout.compare.plan.SearchRules;
import shout.compare.result.Capacity;

/** The capacity search against simulated servers: what it finds, in how many steps, in which order. */
class CapacitySearchTest {

    private static final LatencyTarget P99_20MS = new LatencyTarget(99, Duration.ofMillis(20));
    private static final SearchRules FROM_5K = new SearchRules(5_000);

    @Test
    void findsEachServersCapacityWithinFivePercentAndWithinTheStepBound() {
        Map<String, SimulatedServer> servers = new LinkedHashMap<>();
        servers.put("slow", new SimulatedServer(13_000, 1_000));
        servers.put("middle", new SimulatedServer(41_000, 500));
        servers.put("fast", new SimulatedServer(97_000, 200));
        servers.put("tiny", new SimulatedServer(900, 2_000));           // below the start: ramps down
        List<Capacity> found = run(servers, new ArrayList<>());
        for (Capacity capacity : found) {
            double truth = servers.get(capacity.target()).capacityAt(P99_20MS);
            assertEquals(Capacity.Verdict.FOUND, capacity.verdict(), capacity.toString());
            assertTrue(capacity.messagesPerSecond() <= truth && capacity.messagesPerSecond() >= truth * (1 - SearchRules.PRECISION),
                    capacity.target() + ": found " + capacity.messagesPerSecond() + ", model " + truth);
            assertTrue(capacity.stepsTaken() <= SearchRules.maxSteps(), capacity.toString());
            assertTrue(capacity.latencyMicros() <= P99_20MS.limitMicros(), capacity.toString());
        }
        assertEquals(11, SearchRules.maxSteps(), "7 doublings, then 4 bisections bring a factor of 2 within 5%");
    }

    @Test
    void eachRoundMeasuresEveryTargetStillSearchingOnceInAnOrderRotatedByOne() {
        Map<String, SimulatedServer> servers = new LinkedHashMap<>();
        servers.put("a", new SimulatedServer(40_000, 500));
        servers.put("b", new SimulatedServer(40_000, 500));
        servers.put("c", new SimulatedServer(40_000, 500));
        List<List<CapacitySearch.Probe>> rounds = new ArrayList<>();
        run(servers, rounds);
        assertEquals(List.of("a", "b", "c"), targets(rounds.get(0)));
        assertEquals(List.of("b", "c", "a"), targets(rounds.get(1)));
        assertEquals(List.of("c", "a", "b"), targets(rounds.get(2)));
        assertEquals(List.of("a", "b", "c"), targets(rounds.get(3)));
    }

    @Test
    void aTargetThatMissesLeavesTheRampToBisectWhileTheOthersKeepDoublingTogether() {
        Map<String, SimulatedServer> servers = new LinkedHashMap<>();
        servers.put("slow", new SimulatedServer(13_000, 1_000));       // meets 5k and 10k, misses 20k
        servers.put("fast", new SimulatedServer(97_000, 200));
        List<List<CapacitySearch.Probe>> rounds = new ArrayList<>();
        run(servers, rounds);
        for (int round = 0; round < 3; round++) {
            double shared = 5_000 * Math.pow(2, round);
            assertEquals(List.of(shared, shared), rounds.get(round).stream().map(CapacitySearch.Probe::offeredMessagesPerSecond).toList(),
                    "ramping together, round " + round);
        }
        for (int round = 3; round < rounds.size(); round++) {
            for (CapacitySearch.Probe probe : rounds.get(round)) {
                if (probe.target().equals("slow")) {
                    assertTrue(probe.offeredMessagesPerSecond() > 10_000 && probe.offeredMessagesPerSecond() < 20_000, probe.toString());
                }
            }
        }
        assertEquals(40_000, rate(rounds.get(3), "fast"), "fast keeps doubling after slow missed");
        assertEquals(10, rounds.size(), "fast: 6 ramp steps and 4 bisections: " + rounds);
        assertTrue(rounds.stream().skip(7).allMatch(round -> targets(round).equals(List.of("fast"))),
                "slow leaves after its 3 ramp steps and 4 bisections, once its bracket is within 5%: " + rounds);
    }

    @Test
    void aClientBusyAtTheLastStepMetOrTheFirstMissedMakesTheCapacityAtLeastThat() {
        Map<String, SimulatedServer> servers = new LinkedHashMap<>();
        servers.put("beyond-the-client", new SimulatedServer(200_000, 100, 30_000));
        servers.put("within", new SimulatedServer(13_000, 1_000, 30_000));
        List<Capacity> found = run(servers, new ArrayList<>());
        assertEquals(Capacity.Verdict.CLIENT_BOUND, found.get(0).verdict(), found.get(0).toString());
        assertTrue(found.get(0).clientBound() && found.get(0).describe().startsWith("at least "), found.get(0).describe());
        assertTrue(found.get(0).messagesPerSecond() < 30_000 / 0.98, found.get(0).toString());
        assertEquals(Capacity.Verdict.FOUND, found.get(1).verdict(), "a server below the client's limit is measured as usual");
    }

    @Test
    void theRampEndsAtItsLimitAboveAndBelow() {
        Map<String, SimulatedServer> servers = new LinkedHashMap<>();
        servers.put("boundless", new SimulatedServer(1e9, 100));
        servers.put("hopeless", new SimulatedServer(10, 100));
        List<Capacity> found = run(servers, new ArrayList<>());
        assertEquals(Capacity.Verdict.SEARCH_LIMIT, found.get(0).verdict());
        assertEquals("at least 320,000", found.get(0).describe());
        assertEquals(SearchRules.MAX_RAMP_STEPS, found.get(0).stepsTaken());
        assertEquals(Capacity.Verdict.BELOW_START, found.get(1).verdict());
        assertEquals("below 78", found.get(1).describe());
        assertNull(found.get(1).messagesPerSecond());
    }

    @Test
    void aFailedStepEndsThatTargetsSearchOnly() {
        CapacitySearch search = new CapacitySearch(List.of("dead", "alive"), 10, FROM_5K);
        SimulatedServer alive = new SimulatedServer(40_000, 500);
        search.fail("dead", "server exited");
        search.record("alive", alive.step(5_000, P99_20MS));
        assertEquals(List.of(new CapacitySearch.Probe("alive", 10_000)), search.nextRound());
        Capacity dead = search.results().getFirst();
        assertEquals(List.of(Capacity.Verdict.FAILED, 1, "failed: server exited"), List.of(dead.verdict(), dead.stepsTaken(), dead.describe()));
        assertEquals(Capacity.Verdict.UNFINISHED, search.results().get(1).verdict());
    }

    /** Runs the search to its end against {@code servers}, collecting its rounds; returns what it found. */
    private static List<Capacity> run(Map<String, SimulatedServer> servers, List<List<CapacitySearch.Probe>> rounds) {
        CapacitySearch search = new CapacitySearch(List.copyOf(servers.keySet()), 1000, FROM_5K);
        for (List<CapacitySearch.Probe> round = search.nextRound(); !round.isEmpty(); round = search.nextRound()) {
            rounds.add(round);
            assertTrue(rounds.size() <= SearchRules.maxSteps(), "a round per step at most");
            for (CapacitySearch.Probe probe : round) {
                search.record(probe.target(), servers.get(probe.target()).step(probe.offeredMessagesPerSecond(), P99_20MS));
            }
        }
        return search.results();
    }

    private static List<String> targets(List<CapacitySearch.Probe> round) {
        return round.stream().map(CapacitySearch.Probe::target).toList();
    }

    private static double rate(List<CapacitySearch.Probe> round, String target) {
        return round.stream().filter(p -> p.target().equals(target)).findFirst().orElseThrow().offeredMessagesPerSecond();
    }
}
