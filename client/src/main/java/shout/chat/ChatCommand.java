package shout.chat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import shout.cli.Cli;
import shout.cli.DurationConverter;
import shout.cli.ExitCode;
import shout.cli.HostPort;
import shout.cli.ServerAddress;
import shout.cli.ShoutCommand;

/**
 * {@code shout chat}: the classic prompt loop. Each line typed (or piped in) is sent with its newline,
 * and exactly as many bytes are read back and printed. At end of input the sending side is shut, so
 * the server delivers anything still owed, then closes.
 */
@Command(name = "chat", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Sends each input line to an upper-casing echo server and prints the reply.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  # type lines, read them back upper-cased; Ctrl-D ends",
            "  shout chat",
            "  # every line of a file, to a server on another port",
            "  shout chat 127.0.0.1:8082 < notes.txt",
            "  # one line from a pipe, giving up on the reply after 1 s",
            "  echo 'hello, world' | shout chat --timeout 1s"})
public final class ChatCommand implements ShoutCommand {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ServerAddress address;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5s", converter = DurationConverter.class,
            description = "Give up on a reply after this long (default: ${DEFAULT-VALUE}).")
    private java.time.Duration timeout;

    private final InputStream input;
    private final boolean interactive;

    /** @param input where lines come from; @param interactive whether to show the {@code >> } prompt: when a person types (see {@link shout.cli.Terminal#stdin}) */
    public ChatCommand(InputStream input, boolean interactive) {
        this.input = input;
        this.interactive = interactive;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        HostPort server;
        try {
            server = address.target(spec.commandLine().getParseResult());
        } catch (IllegalArgumentException e) {
            return Cli.fail(err, e.getMessage(), ExitCode.USAGE);
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(server.host(), server.port()), Math.toIntExact(timeout.toMillis()));
            socket.setSoTimeout(Math.toIntExact(timeout.toMillis()));
            socket.setTcpNoDelay(true);
            converse(socket, out);
            return ExitCode.OK.code();
        } catch (UnknownHostException e) {
            return Cli.fail(err, "unknown host '" + server.host() + "'", ExitCode.CANNOT_RUN);
        } catch (ConnectException e) {
            return Cli.fail(err, "cannot connect to " + server + ": " + e.getMessage(), ExitCode.CANNOT_RUN);
        } catch (SocketTimeoutException e) {
            return Cli.fail(err, "no reply from " + server + " within " + timeout.toMillis() + " ms", ExitCode.CANNOT_RUN);
        } catch (IOException e) {
            return Cli.fail(err, "connection to " + server + " failed: " + e.getMessage(), ExitCode.CANNOT_RUN);
        }
    }


    private void converse(Socket socket, PrintWriter out) throws IOException {
        InputStream replies = socket.getInputStream();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        prompt(out);
        while (readLine(line)) {
            byte[] request = line.toByteArray();
            socket.getOutputStream().write(request);
            byte[] reply = replies.readNBytes(request.length);
            if (reply.length < request.length) {
                throw new IOException("the server closed the connection");
            }
            out.print(new String(reply, StandardCharsets.UTF_8));
            prompt(out);
        }
        socket.shutdownOutput();                     // end of input: the server sends what it owes, then closes
        out.print(new String(replies.readAllBytes(), StandardCharsets.UTF_8));
        out.flush();
    }

    /** Reads one line including its newline (the last line may lack one); false at end of input. */
    private boolean readLine(ByteArrayOutputStream line) throws IOException {
        line.reset();
        int b;
        while ((b = input.read()) >= 0) {
            line.write(b);
            if (b == '\n') {
                return true;
            }
        }
        return line.size() > 0;
    }

    private void prompt(PrintWriter out) {
        if (interactive) {
            out.print(">> ");
        }
        out.flush();
    }
}
