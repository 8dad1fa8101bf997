package shout.load.io;

import java.io.IOException;
import shout.load.ErrorKind;

/**
 * A C library call that failed, with its errno: what the epoll engine throws, so the failure is
 * classified from the number the kernel gave rather than from its wording.
 */
final class ErrnoException extends IOException {

    static final int ENFILE = 23;
    static final int EMFILE = 24;
    static final int ECONNRESET = 104;
    static final int ETIMEDOUT = 110;
    static final int ECONNREFUSED = 111;

    private final int errno;

    /** @param description errno as the C library words it ({@code strerror}), for the message only */
    ErrnoException(String call, int errno, String description) {
        super(call + ": " + description);
        this.errno = errno;
    }

    int errno() {
        return errno;
    }

    /** The report's kind for this errno; {@code connecting} tells a failed connect from a failure on an established connection. */
    ErrorKind kind(boolean connecting) {
        return switch (errno) {
            case ECONNREFUSED -> ErrorKind.REFUSED;
            case ETIMEDOUT -> ErrorKind.TIMEOUT;
            case ECONNRESET -> ErrorKind.RESET;
            case EMFILE, ENFILE -> ErrorKind.TOO_MANY_OPEN_FILES;
            default -> connecting ? ErrorKind.CONNECT_FAILED : ErrorKind.IO_ERROR;
        };
    }
}
