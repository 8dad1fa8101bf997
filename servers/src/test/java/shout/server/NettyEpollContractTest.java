package shout.server;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.channel.epoll.Epoll;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shout.server.app.Servers;

/**
 * The whole contract for the netty mode on epoll: {@code --transport auto} takes io_uring where it loads, so epoll
 * is what a user gets where a kernel or a container's seccomp filter refuses io_uring, or picks with
 * {@code --transport epoll}; it must be a drop-in too.
 */
class NettyEpollContractTest extends EchoServerContractTest {

    @BeforeAll
    static void epollLoads() {
        assumeTrue(Epoll.isAvailable(), "epoll does not load here");
    }

    @Override
    ServerConfig config() {
        return super.config().toBuilder().transport(Transport.EPOLL).build();
    }

    @Test
    void theServerRunsOnEpoll() throws Exception {
        try (EchoServer server = Servers.start(Mode.NETTY, config())) {
            assertTrue(server.description().contains("transport=epoll"), server.description());
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
