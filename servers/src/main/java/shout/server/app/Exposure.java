package shout.server.app;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Optional;

/**
 * The decisions about the bind address: a server can listen only on an address of this machine (else the user
 * gave a wrong one, which is told apart here rather than from a failed bind's wording), and one bound to anything
 * but loopback (the wildcard included) is reachable from other machines, which the user is told in one line.
 */
final class Exposure {

    private Exposure() {
    }

    /** Whether {@code address} is one a server here can listen on: the wildcard, loopback, or an interface's. */
    static boolean isThisMachines(InetAddress address) throws SocketException {
        return address.isAnyLocalAddress() || address.isLoopbackAddress() || NetworkInterface.getByInetAddress(address) != null;
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
