package shout.cli;

/**
 * The exit codes of every shout command, one list: what a script or a parent process (compare runs
 * {@code shout load} and {@code shout server} as children) may rely on.
 */
public enum ExitCode {
    /** Done, and every checked byte was right. */
    OK(0, "done"),
    /** The work could not happen: a port in use, no connection, an unwritable output. The error line says which. */
    CANNOT_RUN(1, "could not run"),
    /** Bad usage: an unknown option or value. Nothing was started. */
    USAGE(2, "bad usage"),
    /** The load ran, but a reply byte was wrong or never came back. */
    WRONG_BYTES(3, "a reply byte was wrong or missing");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    /** What the code means, for a parent that reports a child's exit: {@code bad usage}. */
    public String meaning() {
        return meaning;
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
