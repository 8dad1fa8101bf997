package shout.cli;

/**
 * The exit codes of every shout command, one list: what a script or a parent process (compare runs
 * {@code shout load} and {@code shout server} as children) may rely on.
 */
public enum ExitCode {
    /** Done, and every checked byte was right. */
    OK(0, "done", ""),
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
    /** Stopped by Ctrl-C or SIGTERM before the end; what was finished is kept and marked interrupted. */
    INTERRUPTED(130, "interrupted", ": Ctrl-C or SIGTERM; what finished is kept");

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

    /** A child's exit described for a person: {@code exit code 2 (bad usage)}, or {@code exit code 137}. */
    public static String describe(int code) {
        ExitCode known = of(code);
        return "exit code " + code + (known == null ? "" : " (" + known.meaning + ")");
    }
}
