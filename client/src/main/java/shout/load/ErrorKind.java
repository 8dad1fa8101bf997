package shout.load;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.util.Locale;

/** What went wrong, as counted in {@link LoadReport#errors()}: the key is the report's name for it. */
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
    /** Connects that did not complete within the connect timeout. */
    TIMEOUT("timeout"),
    /** Connects that failed because this process ran out of file descriptors. */
    TOO_MANY_OPEN_FILES("too-many-open-files"),
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

    /** True for the kinds that mean a byte came back wrong or not at all. */
    boolean corruptsData() {
        return this == MISMATCH || this == LOST;
    }

    /** Classifies a failure; {@code connecting} tells a failed connect from a failure on an established connection. */
    public static ErrorKind of(IOException e, boolean connecting) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("too many open files")) {
            return TOO_MANY_OPEN_FILES;
        }
        if (message.contains("reset")) {
            return RESET;
        }
        if (e instanceof SocketTimeoutException || message.contains("timed out")) {
            return TIMEOUT;
        }
        if (e instanceof ConnectException && message.contains("refused")) {
            return REFUSED;
        }
        if (connecting || e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return CONNECT_FAILED;
        }
        return IO_ERROR;
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
