package shout.load.command;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import shout.cli.Cli;

/** One in-process {@code shout load}, its exit code and what it wrote to standard output and standard error. */
record LoadRun(int exitCode, String out, String err) {

    /** Runs {@code shout load args...} as if standard error were not a terminal. */
    static LoadRun of(String... args) {
        return of(false, args);
    }

    static LoadRun of(boolean terminal, String... args) {
        return of(terminal, StopRequests.NONE, args);
    }

    /** Runs {@code shout load args...} with standard error not a terminal, ended early when {@code stopRequests} asks. */
    static LoadRun of(StopRequests stopRequests, String... args) {
        return of(false, stopRequests, args);
    }

    private static LoadRun of(boolean terminal, StopRequests stopRequests, String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Cli.commandLine(new LoadCommand(terminal, stopRequests))
                .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(args);
        return new LoadRun(code, out.toString(), err.toString());
    }

    /** The last line on standard error: after any progress lines, the error or the crossed threshold. */
    String lastErrLine() {
        List<String> lines = err.strip().lines().toList();
        return lines.isEmpty() ? "" : lines.getLast();
    }
}
