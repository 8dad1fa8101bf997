package shout.server.app;

import java.io.StringWriter;
import java.util.Optional;
import shout.cli.StartLine;

/** What a server command run in-process printed: its start line, read as every tool reads it. */
final class ServerOutput {

    private ServerOutput() {
    }

    /** The first start line printed so far, or empty; safe to poll while the command runs (StringWriter is a StringBuffer). */
    static Optional<StartLine> startLine(StringWriter out) {
        return out.toString().lines().map(StartLine::parse).flatMap(Optional::stream).findFirst();
    }
}
