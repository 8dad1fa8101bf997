package shout.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import shout.cli.StartLine;

/**
 * The launcher script as a user runs it, on the jar this build just packaged: a real server process
 * on port 0, its start line, its JVM flags, bytes through it, SIGTERM, exit 0; {@code echo hi | ./shout chat HOST:PORT}
 * with no prompt on piped input; and {@code ./shout --help} listing the launcher's own commands beside the jar's.
 */
@Timeout(120)
class ShoutLauncherIT {

    private static final Path LAUNCHER = Path.of("..", "shout").toAbsolutePath().normalize();

    @Test
    void serverStartsOnAFreePortServesAndStopsCleanlyOnSigterm() throws Exception {
        Process server = launch("server", "--mode", "virtual", "--port", "0", "--grace", "1s");
        try (BufferedReader out = server.inputReader(StandardCharsets.UTF_8)) {
            String startLine = out.readLine();
            StartLine started = StartLine.parse(startLine).orElseThrow(() -> new AssertionError("start line: " + startLine));
            assertEquals("127.0.0.1", started.address().host(), startLine);
            assertEquals(Optional.of("virtual"), started.value("mode"), startLine);
            // at least two carriers, so that one busy carrier cannot leave new connections' threads unrun
            assertTrue(Integer.parseInt(started.value("carriers").orElse("0")) >= 2, startLine);
            int port = started.port();
            if (Runtime.version().compareTo(Runtime.Version.parse("21.0.1")) >= 0) {  // the JDKs that have the flag
                List<String> arguments = List.of(server.toHandle().info().arguments().orElse(new String[0]));
                assertTrue(arguments.contains("-XX:TrimNativeHeapInterval=1000"), "the launcher trims the C heap: " + arguments);
            }
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                socket.setSoTimeout(5_000);
                socket.getOutputStream().write("hello, World!\n".getBytes(StandardCharsets.US_ASCII));
                assertEquals("HELLO, WORLD!\n", new String(socket.getInputStream().readNBytes(14), StandardCharsets.US_ASCII));
            }
            assertChatPipes(port);
            server.toHandle().destroy();                        // SIGTERM; Process.destroy() would also close our pipes
            assertTrue(server.waitFor(30, TimeUnit.SECONDS), "server stopped");
            assertEquals(0, server.exitValue());
            assertTrue(out.readLine().startsWith("stopped: connections accepted=2"));
        } finally {
            server.destroyForcibly();
        }
    }

    @Test
    void helpListsEveryCommandTheLauncherRunsWithALineEach() throws Exception {
        Process help = launch("--help");
        try {
            String printed = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(help.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, help.exitValue(), printed);
            for (String command : List.of("server", "chat", "load", "compare", "merge", "test", "build", "bench")) {
                assertTrue(printed.lines().anyMatch(line -> line.matches("  " + command + " +\\p{Upper}.*")), command + " in:\n" + printed);
            }
            String script = Files.readString(LAUNCHER);
            for (String launched : List.of("test", "build", "bench")) {
                assertTrue(script.contains("\n  " + launched + ")\n"), "the launcher runs " + launched + " itself");
            }
        } finally {
            help.destroyForcibly();
        }
    }

    private static void assertChatPipes(int port) throws IOException, InterruptedException {
        Process chat = launch("chat", "127.0.0.1:" + port);
        try {
            chat.getOutputStream().write("hi\n".getBytes(StandardCharsets.US_ASCII));
            chat.getOutputStream().close();
            String printed = new String(chat.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(chat.waitFor(30, TimeUnit.SECONDS));
            assertEquals("HI\n", printed, "no '>> ' prompt when the input is piped");
            assertEquals(0, chat.exitValue());
        } finally {
            chat.destroyForcibly();
        }
    }

    private static Process launch(String... args) throws IOException {
        assertTrue(Files.isExecutable(LAUNCHER), LAUNCHER + " is executable");
        ProcessBuilder builder = new ProcessBuilder(concat(List.of("bash", LAUNCHER.toString()), args))
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return builder.start();
    }

    private static List<String> concat(List<String> head, String... tail) {
        return java.util.stream.Stream.concat(head.stream(), java.util.Arrays.stream(tail)).toList();
    }
}
