package shout.server.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.Optional;
import shout.cli.StartLine;

/** What a server command run in-process printed: its start line, read as every tool reads it, or its one error line. */
final class ServerOutput {

    private ServerOutput() {
    }

    /** The first start line printed so far, or empty; safe to poll while the command runs (StringWriter is a StringBuffer). */
    static Optional<StartLine> startLine(StringWriter out) {
        return out.toString().lines().map(StartLine::parse).flatMap(Optional::stream).findFirst();
    }

    /** Asserts that all {@code out} holds is one {@code error: } line containing {@code expectedPart}, and no stack trace. */
    static void assertOneLineError(StringWriter out, String expectedPart) {
        String text = out.toString().strip();
        assertFalse(text.contains("\n"), "one line only:\n" + text);
        assertFalse(text.contains("Exception"), "no stack trace or exception name:\n" + text);
        assertTrue(text.startsWith("error: ") && text.contains(expectedPart), text);
    }
}
