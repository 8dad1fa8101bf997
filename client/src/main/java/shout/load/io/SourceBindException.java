package shout.load.io;

import java.io.IOException;
import java.net.InetAddress;

/**
 * A connection could not be bound to its {@code --source} address: the address is not this machine's,
 * or it has no port left toward the server. Either engine throws it, whatever the C library or the
 * JDK called the failure, so the report counts it as {@code bind}, not as a failed connect.
 */
final class SourceBindException extends IOException {

    SourceBindException(InetAddress source, IOException cause) {
        super("cannot bind to " + source.getHostAddress() + ": " + cause.getMessage(), cause);
    }
}
