package shout.compare.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import picocli.CommandLine;
import shout.load.LoadConfig;
import shout.load.MessageShape;
import shout.server.Mode;
import shout.server.Work;

/** The plan's arithmetic, the small parsers, and the pinning decision: no processes. */
@Timeout(5)
class ComparePlanTest {

    private static final List<Target> ALL_MODES = Arrays.stream(Mode.values()).<Target>map(Target.Server::new).toList();

    @Test
    void defaultRunTakesAFewMinutesAndSaysSo() {
        var plan = new ComparePlan(ALL_MODES, List.of(1, 100, 1000, 10000),
                new CellSettings(new MessageShape(64, 1), Duration.ofSeconds(2), Duration.ofSeconds(5), 1, Duration.ofSeconds(3)));
        // server starts and stops, a JIT warm-up per server, then 24 cells, each settling 1 ms a connection (at most 3 s),
        // blocking's 2.5 ms, as it starts a platform thread for each
        Duration settling = Duration.ofMillis(1 + 100 + 1000 + 3000).multipliedBy(5).plus(Duration.ofNanos(1_000L * (2_500 + 250_000 + 2_500_000 + 3_000_000)));
        assertEquals(Duration.ofSeconds(3 + 6 * 3).plus(Duration.ofMillis(7400).multipliedBy(24)).plus(settling), plan.estimatedDuration());
        assertEquals("compare: 6 servers x 4 connection counts = 24 cells x (2s warm-up (+1ms a connection, 2500us for blocking) + 5s + ~400ms), one server"
                + " per row warmed 3s first = about 3 min 44 s", plan.announcement());
        assertEquals(Duration.ofMillis(3000), plan.cells().getLast().warmup().minusSeconds(2), "10,000 connections settle 3 s at most");
        var repeated = new ComparePlan(ALL_MODES, List.of(1, 100),
                new CellSettings(new MessageShape(64, 1), Duration.ofSeconds(1), Duration.ofSeconds(2), 3, Duration.ofSeconds(3)));
        assertEquals("compare: 6 servers x 2 connection counts = 12 cells x 3 runs x (1s warm-up (+1ms a connection, 2500us for blocking) + 2s + ~400ms), one server per row"
                + " warmed 3s first = about 2 min 25 s", repeated.announcement());
    }

    @Test
    void eachOfferedRateIsOneMoreCellOfEveryTargetAndCountAndTheAnnouncementCountsIt() {
        var plan = new ComparePlan(List.of(new Target.Server(Mode.NIO), new Target.Server(Mode.NETTY)), List.of(10, 100),
                List.of(20_000.0, 10_000.0), new CellSettings(new MessageShape(64, 1), Duration.ofSeconds(1), Duration.ofSeconds(2)));
        assertEquals(8, plan.cells().size());
        assertEquals(List.of("nio 10 20000.0", "nio 10 10000.0", "nio 100 20000.0", "nio 100 10000.0"), plan.cells().subList(0, 4)
                .stream().map(c -> c.target().name() + " " + c.connections() + " " + c.offeredMessagesPerSecond()).toList());
        assertEquals(List.of("nio 20000.0", "netty 20000.0", "nio 10000.0", "netty 10000.0"), plan.runOrder().subList(0, 4).stream()
                .map(t -> t.cell().target().name() + " " + t.cell().offeredMessagesPerSecond()).toList(), "every target at one rate, then the next");
        assertTrue(plan.announcement().startsWith("compare: 2 servers x 2 connection counts x 2 offered rates = 8 cells x "), plan.announcement());
        var closed = new ComparePlan(plan.targets(), plan.connections(), plan.settings());
        assertTrue(closed.cells().stream().noneMatch(Cell::openLoop), "without rates every cell is a closed loop");
        assertEquals(plan.estimatedDuration().minus(ComparePlan.SERVERS_OVERHEAD),
                closed.estimatedDuration().minus(ComparePlan.SERVERS_OVERHEAD).multipliedBy(2), "twice the cells, twice the time");
        assertEquals("rate must be positive, not 0", assertThrows(IllegalArgumentException.class,
                () -> new ComparePlan(plan.targets(), plan.connections(), List.of(0.0), plan.settings())).getMessage());
    }

    @Test
    void cellSettingsRefuseWhatALoadRunRefusesInTheSameWords() {
        MessageShape shape = new MessageShape(64, 1);
        Duration second = Duration.ofSeconds(1);
        Map<String, Executable> mistakes = Map.of(
                "size must be positive, not 0", () -> new MessageShape(0, 1),
                "pipeline must be positive, not 0", () -> new MessageShape(64, 0),
                "warmup must not be negative", () -> new CellSettings(shape, second.negated(), second),
                "duration must be at least 10ms, not 5ms", () -> new CellSettings(shape, second, Duration.ofMillis(5)),
                "repeat must be positive, not 0", () -> new CellSettings(shape, second, second, 0, second),
                "jit-warmup must not be negative", () -> new CellSettings(shape, second, second, 1, second.negated()),
                "connections must be positive, not 0",
                () -> new ComparePlan(ALL_MODES, List.of(1, 0), new CellSettings(shape, second, second)));
        mistakes.forEach((message, build) -> assertEquals(message, assertThrows(IllegalArgumentException.class, build).getMessage()));
        assertEquals("warmup must not be negative", assertThrows(IllegalArgumentException.class,
                () -> LoadConfig.builder().warmup(second.negated()).build()).getMessage(), "load says it alike");
    }

    @Test
    void aServerThatStartsAThreadPerConnectionSettlesLonger() {
        var plan = new ComparePlan(List.of(new Target.Server(Mode.BLOCKING), new Target.Server(Mode.VIRTUAL), new Target.Peer("c", "h", 1)),
                List.of(1000), new CellSettings(new MessageShape(64, 1), Duration.ofMillis(500), Duration.ofSeconds(1)));
        assertEquals(List.of(Duration.ofMillis(3000), Duration.ofMillis(1500), Duration.ofMillis(1500)),
                plan.cells().stream().map(Cell::warmup).toList(), "blocking 2.5 ms a connection, the others 1 ms");
        var withoutBlocking = new ComparePlan(List.of(new Target.Server(Mode.NIO)), List.of(1000),
                new CellSettings(new MessageShape(64, 1), Duration.ofMillis(500), Duration.ofSeconds(1)));
        assertTrue(withoutBlocking.announcement().contains("(+1ms a connection) +"), withoutBlocking.announcement());
    }

    @Test
    void repetitionsRunCountByCountWithTheTargetsRotatedByOneEachTime() {
        List<Target> three = ALL_MODES.subList(0, 3);
        var plan = new ComparePlan(three, List.of(1, 10),
                new CellSettings(new MessageShape(64, 1), Duration.ZERO, Duration.ofSeconds(1), 3, Duration.ofSeconds(2)));
        List<String> order = plan.runOrder().stream()
                .map(t -> t.repetition() + ":" + t.cell().target().name() + "/" + t.cell().connections()).toList();
        assertEquals(List.of("0:serial/1", "0:pool/1", "0:blocking/1", "0:serial/10", "0:pool/10", "0:blocking/10",
                "1:pool/1", "1:blocking/1", "1:serial/1", "1:pool/10", "1:blocking/10", "1:serial/10",
                "2:blocking/1", "2:serial/1", "2:pool/1", "2:blocking/10", "2:serial/10", "2:pool/10"), order);
        assertEquals(List.of("serial/1", "serial/10", "pool/1"),
                plan.cells().subList(0, 3).stream().map(c -> c.target().name() + "/" + c.connections()).toList(), "table order");
        Cell warmup = plan.jitWarmupCell(three.getFirst());
        assertEquals(List.of(10, Duration.ZERO, Duration.ofSeconds(2)), List.of(warmup.connections(), warmup.warmup(), warmup.duration()),
                "100 connections at most, but no more than the plan's largest count; all of it unmeasured load");
        assertEquals(false, warmup.openLoop(), "a closed-loop plan warms in a closed loop");
        ComparePlan paced = new ComparePlan(three, List.of(1000), List.of(4000.0, 2000.0), plan.settings());
        assertEquals(2000, paced.jitWarmupCell(three.getFirst()).offeredMessagesPerSecond(),
                "an open-loop plan warms at its lowest rate, never flooding a server that queues work");
    }

    @Test
    void peerReadsNameHostAndPortIncludingBracketedIpv6() {
        assertEquals(new Target.Peer("py", "127.0.0.1", 8081), new PeerConverter().convert("py=127.0.0.1:8081"));
        assertEquals(new Target.Peer("six", "::1", 9000), new PeerConverter().convert("six=[::1]:9000"));
        for (String bad : List.of("py=h:70000", "py=::1:80", "=h:1", "h:1", "py=h:0", "p y=h:1")) {
            assertThrows(CommandLine.TypeConversionException.class, () -> new PeerConverter().convert(bad), bad);
        }
        assertEquals("'h:1' is not NAME=HOST:PORT[,pid=N][,expect=upper|echo] (example: python=127.0.0.1:8081)", peerMistake("h:1"));
        assertEquals("'127.0.0.1' is not HOST:PORT (examples: 127.0.0.1:8081, [::1]:8081)", peerMistake("py=127.0.0.1"));

    }

    @Test
    void pinsServerToCpu0AndClientToTheRestOnlyWithTwoCoresAndTaskset() {
        CpuPinning four = CpuPinning.decide(4, true, null, null);
        assertEquals("0", four.serverCpus());
        assertEquals(1, four.pinnedServerCpuCount());
        assertEquals(2, CpuPinning.decide(4, true, "0,2", null).pinnedServerCpuCount());
        assertEquals(List.of("taskset", "-c", "1-3"), four.clientPrefix());
        assertEquals(0, CpuPinning.decide(1, true, null, null).pinnedServerCpuCount());
        CpuPinning noTaskset = CpuPinning.decide(8, false, "2", "3");
        assertEquals(List.of(), noTaskset.clientPrefix());
        assertEquals("not pinned: taskset not found on the PATH", noTaskset.description());
    }

    @Test
    void variantReadsLabelModeAndArguments() {
        assertEquals(new Target.Server(Mode.NIO, "nio-2proc", List.of("--processes=2", "--threads=1")),
                new VariantConverter().convert("nio-2proc=nio:--processes=2,--threads=1"));
        assertEquals(new Target.Server(Mode.POOL, "pool x4", List.of()), new VariantConverter().convert("pool x4=POOL"));
        for (String bad : List.of("nio", "=nio", "a=nio:", "a=nio:threads=2", "a=nio:--threads 2", "a=nio:--work=cpu:1ms", "a=fast")) {
            assertThrows(CommandLine.TypeConversionException.class, () -> new VariantConverter().convert(bad), bad);
        }
    }

    @Test
    void idealIsConnectionsTimesPipelineOverTheSleepOrServerCpusOverTheCpuCost() {
        var sleep = new ServerWork(new Work.Sleep(Duration.ofMillis(10)), false);
        assertEquals(100_000.0, sleep.idealMessagesPerSecond(1000, 1, 1), 1e-6);
        assertEquals(800.0, sleep.idealMessagesPerSecond(2, 4, 1), 1e-6);
        var cpu = new ServerWork(new Work.Cpu(Duration.ofMillis(1)), false);
        assertEquals(3000.0, cpu.idealMessagesPerSecond(100, 1, 3), 1e-6);
        assertEquals(1000.0, cpu.idealMessagesPerSecond(1, 1, 2), 1e-6);
        assertNull(new ServerWork(Work.NONE, false).idealMessagesPerSecond(10, 1, 1));
        assertEquals(List.of("--work", "cpu:1ms", "--offload"), new ServerWork(new Work.Cpu(Duration.ofMillis(1)), true).serverArgs());
        assertEquals(3, CpuPinning.decide(8, true, "0,2-3", null).serverCpuCount(8));
        assertEquals(8, CpuPinning.shared("all").serverCpuCount(8));
        var plan = new ComparePlan(List.of(new Target.Peer("py", "h", 1)), List.of(4),
                new CellSettings(new MessageShape(64, 1), Duration.ZERO, Duration.ofSeconds(1)));
        var part = new ComparePart(null, List.of(), plan, sleep, List.of(), CpuPinning.shared("all"));
        assertNull(part.idealMessagesPerSecond(part.plan().cells().getFirst(), 8), "a peer does not do the harness's work");
    }

    @Test
    void lessonsScenarioStartsIoBoundThenCpuBoundPinnedThenProcessesAgainstThreadsUnpinned() {
        CpuPinning pinned = CpuPinning.decide(2, true, null, null);
        var cells = new CellSettings(new MessageShape(64, 1), Scenario.WARMUP, Scenario.DURATION, 1, Duration.ofSeconds(3));
        List<ComparePart> parts = Scenario.LESSONS.parts(cells, pinned, 2, null, List.of()).subList(0, 3);

        assertEquals(List.of("I/O-bound", "CPU-bound", "processes vs threads"), parts.stream().map(ComparePart::title).toList());
        assertEquals(List.of("sleep:10ms", "cpu:1ms", "cpu:1ms"), parts.stream().map(p -> p.work().work().toString()).toList());
        assertEquals(List.of("serial", "pool", "blocking", "virtual", "nio", "netty", "pool x100 threads"), names(parts.get(0)));
        assertEquals(List.of(1, 100, 1000), parts.get(0).plan().connections());
        assertEquals(List.of("blocking", "virtual", "nio", "netty", "nio-offload", "netty-offload"), names(parts.get(1)));
        assertEquals(List.of(1, 10, 100), parts.get(1).plan().connections());
        assertEquals(List.of("nio x2 threads", "nio x2 processes", "blocking"), names(parts.get(2)));
        assertEquals(List.of(10, 100), parts.get(2).plan().connections());
        assertEquals(new Target.Server(Mode.NIO, "nio x2 processes", List.of("--processes=2", "--threads=1")),
                parts.get(2).plan().targets().get(1));

        assertEquals(pinned, parts.get(0).pinning());
        assertEquals(pinned, parts.get(1).pinning());
        assertEquals(0, parts.get(2).pinning().pinnedServerCpuCount());
        assertEquals(List.of(), parts.get(2).pinning().clientPrefix());
        Cell cpuCell = parts.get(1).plan().cells().getFirst();
        assertEquals(1000.0, parts.get(1).idealMessagesPerSecond(cpuCell, 2), 1e-6);
        assertEquals(2000.0, parts.get(2).idealMessagesPerSecond(parts.get(2).plan().cells().getFirst(), 2), 1e-6);
        assertEquals(100.0, parts.get(0).idealMessagesPerSecond(parts.get(0).plan().cells().getFirst(), 2), 1e-6);

        Cell poolOf100At1000 = parts.get(0).plan().cells().stream()
                .filter(c -> c.target().name().equals("pool x100 threads") && c.connections() == 1000).findFirst().orElseThrow();
        assertEquals(10_000.0, parts.get(0).idealMessagesPerSecond(poolOf100At1000, 2), 1e-6, "a pool of 100 serves 100 connections at once");

        String announcement = ComparePart.announcement("--scenario lessons", parts);
        assertEquals("compare --scenario lessons: 3 parts (I/O-bound 21 ~2 min 5 s, CPU-bound 18 ~101 s, processes vs threads 6 ~38 s)"
                + " = 45 cells x (1s warm-up (+1ms a connection, 2500us for blocking) + 3s + ~400ms), one server per row warmed 3s first"
                + " = about 4 min 24 s", announcement);
    }

    private static String peerMistake(String value) {
        return assertThrows(CommandLine.TypeConversionException.class, () -> new PeerConverter().convert(value)).getMessage();
    }

    private static List<String> names(ComparePart part) {
        return part.plan().targets().stream().map(Target::name).toList();
    }
}
