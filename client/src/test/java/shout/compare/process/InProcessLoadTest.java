package shout.compare.process;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import shout.compare.plan.Cell;
import shout.compare.plan.CpuPinning;
import shout.compare.plan.Target;
import shout.load.LoadReport;
import shout.load.MessageShape;
import shout.server.EchoServer;
import shout.server.Mode;
import shout.server.ServerConfig;
import shout.server.ServerStats;
import shout.server.app.Servers;

/** The in-process load client runs a cell as it says, idle connections included: the idle lesson's cells. */
@Timeout(20)
class InProcessLoadTest {

    @Test
    void aCellsIdleConnectionsAreHeldBesideItsOwnAndClosedAtTheEnd() throws Exception {
        try (EchoServer server = Servers.start(Mode.NIO, ServerConfig.builder().port(0).threads(1).build());
             LiveChildren children = new LiveChildren()) {
            Cell cell = new Cell(new Target.Server(Mode.NIO), 2, new MessageShape(64, 1), Duration.ZERO, Duration.ofMillis(300), 0, 30);
            LoadReport report = new InProcessLoad(new CpuPinning(null, null, "not pinned"), 1, children).run(cell, "127.0.0.1", server.port());
            assertEquals(new LoadReport.ConnectionCounts(2, 2, 0, 30, 30), report.connections());
            ServerStats stats = server.stats();
            await().atMost(Duration.ofSeconds(10)).until(() -> stats.active() == 0);
            assertEquals(32, stats.snapshot().accepted(), stats.snapshot().toString());
        }
    }
}
