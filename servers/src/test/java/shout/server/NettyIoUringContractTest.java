package shout.server;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.channel.uring.IoUring;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shout.server.app.Servers;

/**
 * The whole contract for the netty mode on io_uring, which a user picks with {@code --transport io_uring}
 * ({@code auto} takes epoll first): a transport a user can choose must be a drop-in too.
 */
class NettyIoUringContractTest extends EchoServerContractTest {

    @BeforeAll
    static void ioUringLoads() {
        assumeTrue(IoUring.isAvailable(), "io_uring does not load here");
    }

    @Override
    ServerConfig config() {
        return super.config().toBuilder().transport(Transport.IO_URING).build();
    }

    @Test
    void theServerRunsOnIoUring() throws Exception {
        try (EchoServer server = Servers.start(Mode.NETTY, config())) {
            assertTrue(server.description().contains("transport=io_uring"), server.description());
        }
    }

    // These hide the superclass's factories of the same names, which the inherited tests look up by name.
    static Stream<Mode> modes() {
        return Stream.of(Mode.NETTY);
    }

    static Stream<Mode> concurrentModes() {
        return modes();
    }

    static Stream<Mode> oneAtATimeModes() {
        return Stream.empty();
    }
}
