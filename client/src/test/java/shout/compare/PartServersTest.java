package shout.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import shout.app.ShoutMain;
import shout.cli.ChildJvm;
import shout.compare.plan.CellSettings;
import shout.compare.plan.ComparePart;
import shout.compare.plan.ComparePlan;
import shout.compare.plan.CpuPinning;
import shout.compare.plan.ServerWork;
import shout.compare.plan.Target;
import shout.compare.process.ChildShout;
import shout.compare.process.LiveChildren;
import shout.compare.process.ProcStat;
import shout.compare.process.SpawnedServer;
import shout.load.MessageShape;
import shout.server.Mode;
import shout.server.Work;
import shout.server.app.ServerMain;

/** The servers of a part: started on every CPU through the server's own entry point, sized for the server CPUs, pinned there (with their children) once listening. */
@Timeout(60)
class PartServersTest {

    @Test
    void everyServerProcessIsPinnedToTheServerCpusAndSizedForThem() throws Exception {
        CpuPinning pinning = CpuPinning.forThisMachine("0", null);
        assumeTrue(pinning.serverCpus() != null, "no taskset or one core: " + pinning.description());
        Target.Server group = new Target.Server(Mode.NIO, "nio-2proc", List.of("--processes=2"));
        ComparePlan plan = new ComparePlan(List.of(new Target.Server(Mode.BLOCKING), group), List.of(1),
                new CellSettings(new MessageShape(64, 1), Duration.ZERO, Duration.ofSeconds(1)));
        ComparePart part = new ComparePart(null, List.of(), plan, new ServerWork(Work.NONE, false), List.of(), pinning);
        LiveChildren children = new LiveChildren();
        try (PartServers servers = PartServers.start(new ChildShout(ChildJvm.current(), ShoutMain.class, ServerMain.class), part, children, ProcStat.clockTicksPerSecond())) {
            List<ProcessHandle> processes = new ArrayList<>();
            for (Target target : plan.targets()) {
                SpawnedServer server = servers.running((Target.Server) target);
                ProcessHandle handle = ProcessHandle.of(server.pid()).orElseThrow();
                processes.add(handle);
                handle.descendants().forEach(processes::add);
            }
            assertEquals(4, processes.size(), "two servers, one with two children: " + processes);
            for (ProcessHandle process : processes) {
                assertTrue(commandLine(process.pid()).contains(ServerMain.class.getName()), "runs the server's own entry point, "
                        + "cheaper to start than all of shout's: " + commandLine(process.pid()));
                assertEquals("0", cpusAllowed(process.pid()), "process " + process.pid());
                assertTrue(commandLine(process.pid()).contains("-XX:ActiveProcessorCount=1"), commandLine(process.pid()).toString());
            }
            servers.stopAll();
        }
    }

    private static String cpusAllowed(long pid) throws Exception {
        return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                .filter(line -> line.startsWith("Cpus_allowed_list:"))
                .map(line -> line.substring(line.indexOf(':') + 1).strip()).findFirst().orElseThrow();
    }

    private static List<String> commandLine(long pid) throws Exception {
        return List.of(new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8).split("\0"));
    }
}
