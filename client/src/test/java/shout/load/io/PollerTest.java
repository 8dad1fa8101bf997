package shout.load.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;
import shout.load.ErrorKind;

/** How failures become the report's error kinds: by errno for the epoll engine, by what the JDK says for the selector. */
class PollerTest {

    private static ErrnoException errno(int errno) {
        return new ErrnoException("recv", errno, "whatever the C library says");
    }

    @Test
    void epollFailuresAreClassifiedByErrnoNotByTheirWording() {
        assertEquals(ErrorKind.REFUSED, Poller.classify(errno(ErrnoException.ECONNREFUSED), true));
        assertEquals(ErrorKind.TIMEOUT, Poller.classify(errno(ErrnoException.ETIMEDOUT), true));
        assertEquals(ErrorKind.RESET, Poller.classify(errno(ErrnoException.ECONNRESET), false));
        assertEquals(ErrorKind.TOO_MANY_OPEN_FILES, Poller.classify(errno(ErrnoException.EMFILE), true));
        assertEquals(ErrorKind.TOO_MANY_OPEN_FILES, Poller.classify(errno(ErrnoException.ENFILE), true));
        int ehostunreach = 113;
        assertEquals(ErrorKind.CONNECT_FAILED, Poller.classify(errno(ehostunreach), true));
        int epipe = 32;
        assertEquals(ErrorKind.IO_ERROR, Poller.classify(errno(epipe), false));
    }

    @Test
    void selectorFailuresAreClassifiedByTheJdksExceptions() {
        assertEquals(ErrorKind.REFUSED, Poller.classify(new ConnectException("Connection refused"), true));
        assertEquals(ErrorKind.RESET, Poller.classify(new SocketException("Connection reset by peer"), false));
        assertEquals(ErrorKind.TIMEOUT, Poller.classify(new SocketTimeoutException("Connect timed out"), true));
        assertEquals(ErrorKind.TOO_MANY_OPEN_FILES, Poller.classify(new IOException("Too many open files"), true));
        assertEquals(ErrorKind.CONNECT_FAILED, Poller.classify(new NoRouteToHostException("No route to host"), false));
        assertEquals(ErrorKind.CONNECT_FAILED, Poller.classify(new IOException("Network is unreachable"), true));
        assertEquals(ErrorKind.IO_ERROR, Poller.classify(new IOException("Broken pipe"), false));
    }
}
