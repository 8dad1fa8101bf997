package shout.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.channel.epoll.Epoll;
import io.netty.channel.uring.IoUring;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import shout.server.Wire;

/**
 * The packaged jar ships what runs and little else: it stays under its size budget, it carries Netty's
 * epoll and io_uring natives for both Linux CPUs, and each Netty transport serves from it. The
 * dependency exclusions and shade filters in the poms are what these guard.
 */
@Timeout(120)
class ShoutJarIT {

    private static final Path JAR = Path.of("target", "shout.jar").toAbsolutePath();
    private static final long BUDGET_BYTES = 8L * 1024 * 1024;

    @Test
    void staysWithinItsSizeBudget() throws IOException {
        long size = Files.size(JAR);
        assertTrue(size <= BUDGET_BYTES, JAR + " is " + size + " bytes, over the budget of " + BUDGET_BYTES
                + "; unzip -l shows what grew");
    }

    @Test
    void carriesTheNativeTransportsForX86AndArm() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            for (String name : List.of("epoll_x86_64", "epoll_aarch_64", "io_uring42_x86_64", "io_uring42_aarch_64")) {
                String entry = "META-INF/native/libnetty_transport_native_" + name + ".so";
                ZipEntry found = jar.getEntry(entry);
                assertTrue(found != null && found.getSize() > 0, entry + " in the jar");
            }
        }
    }

    /** Where a native transport loads from the build's class path, it must load from the jar too. */
    @ParameterizedTest
    @ValueSource(strings = {"nio", "epoll", "io_uring"})
    void eachNettyTransportServesFromTheJar(String transport) throws Exception {
        assumeTrue(!transport.equals("epoll") || Epoll.isAvailable(), "epoll does not load here");
        assumeTrue(!transport.equals("io_uring") || IoUring.isAvailable(), "io_uring does not load here");
        try (ServerProcess server = ServerProcess.start(0, "--mode", "netty", "--transport", transport);
             Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            assertTrue(server.startLine().contains(" transport=" + transport + " "), server.startLine());
            socket.setSoTimeout(5_000);
            assertEquals("HELLO, WORLD!\n", Wire.roundTrip(socket, "hello, World!\n"));
        }
    }
}
