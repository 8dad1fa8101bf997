package shout.cli;

/**
 * The exit codes of every shout command, one list: what a script or a parent process (compare runs
 * {@code shout load} and {@code shout server} as children) may rely on.
 */
public enum ExitCode {
    /** Done, and every checked byte was right; a server stopped gracefully by a signal is done too. */
    OK(0, "done", ", or a server stopped gracefully by SIGTERM or Ctrl-C"),
    /**
     * The work could not happen: a port in use, no connection, an output path that cannot be written
     * (checked before the run starts, so no run is wasted). The error line says which.
     */
    CANNOT_RUN(1, "could not run", ": no connection, a port in use, an output path not writable"),
    /** Bad usage: an unknown option or value. Nothing was started. */
    USAGE(2, "bad usage", ": an unknown option or a bad value"),
    /** The load ran, but a reply byte was wrong or never came back. */
    WRONG_BYTES(3, "a reply byte was wrong or missing", " (wins over 4)"),
    /** The load ran and every byte was right, but a {@code --fail-*} threshold was crossed; stderr says which. */
    THRESHOLD(4, "a threshold was crossed", ": --fail-p99 or --fail-errors; stderr says which"),
    /**
     * Stopped by Ctrl-C (SIGINT, 128 + 2) before the end; what was finished is kept and marked interrupted.
     * Also the code of a run stopped in-process, where no signal came.
     */
    INTERRUPTED(130, "interrupted", " by Ctrl-C (SIGINT); what finished is kept"),
    /** Stopped by SIGTERM (128 + 15) before the end, as shells and container runtimes report it; what was finished is kept. */
    TERMINATED(143, "terminated", " by SIGTERM; what finished is kept");

    /** A process ended by signal N exits with 128 + N, as shells report it. */
    private static final int SIGNALLED = 128;

    private final int code;
    private final String meaning;
    private final String detail;

    ExitCode(int code, String meaning, String detail) {
        this.code = code;
        this.meaning = meaning;
        this.detail = detail;
    }

    public int code() {
        return code;
    }

    /** What the code means, for a parent that reports a child's exit: {@code bad usage}. */
    public String meaning() {
        return meaning;
    }

    /** The meaning as {@code --help} lists it, with what causes it: {@code bad usage: an unknown option ...}; fits 80 columns. */
    public String helpLine() {
        return meaning + detail;
    }

    /** The exit code with that number, or null for a number no shout command returns (a signal, a crash). */
    public static ExitCode of(int code) {
        for (ExitCode exit : values()) {
            if (exit.code == code) {
                return exit;
            }
        }
        return null;
    }

    /** The code of a run stopped by the signal numbered {@code signal}: {@link #INTERRUPTED} for SIGINT, {@link #TERMINATED} for SIGTERM. */
    public static ExitCode stoppedBy(int signal) {
        ExitCode code = of(SIGNALLED + signal);
        if (code == null) {
            throw new IllegalArgumentException("no stop is defined for signal " + signal);
        }
        return code;
    }

    /** A child's exit described for a person: {@code exit code 2 (bad usage)}, or {@code exit code 137}. */
    public static String describe(int code) {
        ExitCode known = of(code);
        return "exit code " + code + (known == null ? "" : " (" + known.meaning + ")");
    }
}
