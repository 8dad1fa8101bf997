package shout.load;

import java.io.IOException;

/**
 * What went wrong, as counted in {@link LoadReport#errors()}: the key is the report's name for it.
 * The I/O engines classify their failures into these kinds (shout.load.io's {@code Poller.classify}).
 */
public enum ErrorKind {
    /** Reply bytes that differ from the oracle's (or that were never asked for), counted in bytes. */
    MISMATCH("mismatch"),
    /** Bytes sent but never answered because the connection ended, counted in bytes. */
    LOST("lost"),
    /** Connections the server closed while the run still used them. */
    UNEXPECTED_CLOSE("unexpected-close"),
    /** Connects refused: nothing listens there. */
    REFUSED("refused"),
    /** Connections reset by the peer. */
    RESET("reset"),
    /** Connects that did not complete within the connect timeout, or established connections the kernel gave up on. */
    TIMEOUT("timeout"),
    /** Connections closed by the client because their oldest owed reply was later than {@code --timeout}. */
    REPLY_TIMEOUT("reply-timeout"),
    /** Connects that failed because this process ran out of file descriptors. */
    TOO_MANY_OPEN_FILES("too-many-open-files"),
    /** Connects that could not bind to their {@code --source} address: not an address of this machine, or its ports used up. */
    BIND("bind"),
    /** Connects that failed for another reason (no route, address unavailable). */
    CONNECT_FAILED("connect-failed"),
    /** Other I/O failures on an established connection. */
    IO_ERROR("io-error");

    private final String key;

    ErrorKind(String key) {
        this.key = key;
    }

    /** The name in reports and JSON: {@code unexpected-close}. */
    public String key() {
        return key;
    }

    /** A short description for the one-line "cannot connect" error. */
    public static String describe(ErrorKind kind, IOException e) {
        return switch (kind) {
            case REFUSED -> "connection refused";
            case TIMEOUT -> "connect timed out";
            case TOO_MANY_OPEN_FILES -> "too many open files (raise the limit with 'ulimit -n')";
            default -> String.valueOf(e.getMessage());
        };
    }
}
