package shout.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;
import shout.app.TestServer;
import shout.cli.Cli;
import shout.cli.ExitCode;
import shout.server.EchoServer;
import shout.server.Mode;
import shout.server.ServerConfig;
import shout.server.app.Servers;

/** {@code shout chat} with piped input against a real server, and against nobody. */
@Timeout(20)
class ChatCommandTest {

    @Test
    void pipedLinesComeBackUpperCasedWithoutAPrompt() throws Exception {
        try (EchoServer server = Servers.start(Mode.VIRTUAL, ServerConfig.ephemeral())) {
            StringWriter out = new StringWriter();
            int code = chat(out, "hi\nhéllo, World\nno newline at the end", false, "--port", "" + server.port());
            assertEquals(0, code, out.toString());
            assertEquals("HI\nHéLLO, WORLD\nNO NEWLINE AT THE END", out.toString());
        }
    }

    @Test
    void theServerIsHostColonPortAsLoadTakesIt() throws Exception {
        try (EchoServer server = Servers.start(Mode.NIO, ServerConfig.ephemeral())) {
            StringWriter out = new StringWriter();
            assertEquals(0, chat(out, "hi\n", false, "127.0.0.1:" + server.port()), out.toString());
            assertEquals("HI\n", out.toString());
        }
    }

    @Test
    void aMalformedTargetNamesTheFormInOneLine() {
        StringWriter out = new StringWriter();
        assertEquals(2, chat(out, "hi\n", false, "::1:8081"));
        assertEquals("error: Invalid value for positional parameter at index 0 (HOST:PORT): '::1:8081' is not HOST:PORT "
                + "(examples: 127.0.0.1:8081, [::1]:8081) (see 'chat --help')", out.toString().strip());
    }

    @Test
    void hostColonPortAndPortTogetherAreBadUsage() {
        StringWriter out = new StringWriter();
        assertEquals(2, chat(out, "hi\n", false, "127.0.0.1:8081", "--port", "8082"));
        assertEquals("error: give the server as HOST:PORT or with --host/--port, not both", out.toString().strip());
    }

    @Test
    void interactiveShowsThePromptBeforeEachLine() throws Exception {
        try (EchoServer server = Servers.start(Mode.VIRTUAL, ServerConfig.ephemeral())) {
            StringWriter out = new StringWriter();
            assertEquals(0, chat(out, "hello\n", true, "--port", "" + server.port()));
            assertEquals(">> HELLO\n>> ", out.toString());
        }
    }

    @Test
    void nobodyListeningIsOneLineAndExit1() throws Exception {
        int closedPort = TestServer.closedPort();
        StringWriter out = new StringWriter();
        assertEquals(1, chat(out, "hi\n", false, "--port", "" + closedPort));
        String text = out.toString().strip();
        assertTrue(text.startsWith("error: cannot connect to 127.0.0.1:" + closedPort), text);
        assertFalse(text.contains("\n") || text.contains("Exception"), text);
    }

    @Test
    void anIpv6HostIsNamedInBracketsSoItsPortStandsApart() throws Exception {
        int closedPort = TestServer.closedPort();
        StringWriter out = new StringWriter();
        assertEquals(1, chat(out, "hi\n", false, "--host", "::1", "--port", "" + closedPort, "--timeout", "2s"));
        assertTrue(out.toString().contains(" [::1]:" + closedPort), out.toString());
    }

    @Test
    void aPortBeyond65535IsBadUsageInOneLine() {
        StringWriter out = new StringWriter();
        assertEquals(2, chat(out, "hi\n", false, "--port", "70000"));
        assertEquals("error: '127.0.0.1' port 70000 is not a host and a port of 0..65535", out.toString().strip());
    }

    @Test
    void helpNumbersTheExitCodesAsCallReturnsThem() {
        StringWriter out = new StringWriter();
        assertEquals(0, chat(out, "", false, "--help"));
        assertTrue(out.toString().strip().endsWith(String.join("\n", "", "Exit codes:", "  0  " + ExitCode.OK.helpLine(),
                "  1  " + ExitCode.CANNOT_RUN.helpLine(), "  2  " + ExitCode.USAGE.helpLine()).strip()), out.toString());
    }

    private static int chat(StringWriter out, String input, boolean interactive, String... args) {
        ChatCommand command = new ChatCommand(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), interactive);
        CommandLine cli = Cli.commandLine(command);
        PrintWriter writer = new PrintWriter(out, true);
        return cli.setOut(writer).setErr(writer).execute(args);
    }
}
