package shout.compare.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import shout.app.TestServer;

/** A peer's {@code pid=}: alive, and the process that listens on the peer's port; this JVM and a child serve as processes. */
@Timeout(10)
class PeerProcessTest {

    private static final long SELF = ProcessHandle.current().pid();

    @Test
    void theProcessListeningOnThePortPasses() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertNull(PeerProcess.problem(SELF, listener.getLocalPort()));
        }
    }

    @Test
    void aProcessThatIsGoneIsRefused() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        assertEquals("pid " + finished.pid() + " is not a live process", PeerProcess.problem(finished.pid(), 9));
    }

    @Test
    void aLiveProcessThatDoesNotListenThereIsRefused() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/net/tcp")), "only /proc tells who listens");
        int closedPort = TestServer.closedPort();
        assertEquals("nothing listens on port " + closedPort + " where pid " + SELF + " runs", PeerProcess.problem(SELF, closedPort));
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertEquals("pid " + sleeper.pid() + " is not the process listening on port " + listener.getLocalPort(),
                    PeerProcess.problem(sleeper.pid(), listener.getLocalPort()));
        } finally {
            sleeper.destroy();
            sleeper.waitFor();
        }
    }
}
