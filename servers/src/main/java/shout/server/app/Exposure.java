package shout.server.app;

import java.net.InetAddress;
import java.util.Optional;

/**
 * The one decision about exposure: a server bound to anything but loopback (the wildcard included)
 * is reachable from other machines, and the user is told so in one line.
 */
final class Exposure {

    private Exposure() {
    }

    /** The warning for a server bound to {@code address}, or empty for a loopback address. */
    static Optional<String> warning(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return Optional.empty();
        }
        String what = address.isAnyLocalAddress() ? "every interface (" + address.getHostAddress() + ")" : address.getHostAddress();
        return Optional.of("warning: listening on " + what + ", reachable from beyond this machine");
    }
}
