package shout.compare.process;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks a peer's {@code pid=}: a live process, and, where Linux's /proc tells, the one that listens on the peer's
 * port. The listening sockets come from the process's own {@code /proc/PID/net/tcp} and {@code tcp6} (its network
 * namespace's, so a peer in a namespace of its own is found too), and the process owns one when a
 * {@code /proc/PID/fd} link names its inode. Where there is no /proc, only liveness is checked.
 */
public final class PeerProcess {

    /** {@code st} of a listening socket in /proc/net/tcp. */
    private static final String LISTEN = "0A";

    private PeerProcess() {
    }

    /** Why {@code pid} cannot be the peer listening on {@code port}, in one line, or null when it is. */
    public static String problem(long pid, int port) {
        if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return "pid " + pid + " is not a live process";
        }
        Path proc = Path.of("/proc", Long.toString(pid));
        if (!Files.isReadable(proc.resolve("net/tcp"))) {
            return null;                                    // no /proc here: alive is all that can be told
        }
        try {
            Set<String> listening = listeningInodes(proc, port);
            if (listening.isEmpty()) {
                return "nothing listens on port " + port + " where pid " + pid + " runs";
            }
            return ownsOneOf(proc, listening) ? null : "pid " + pid + " is not the process listening on port " + port;
        } catch (AccessDeniedException e) {
            return "cannot read " + e.getFile() + " to tell whether pid " + pid + " listens on port " + port
                    + " (run as the peer's user)";
        } catch (IOException e) {
            return "cannot tell whether pid " + pid + " listens on port " + port + ": " + e;
        }
    }

    /** The inodes of the sockets listening on {@code port}, IPv4 and IPv6, in the process's network namespace. */
    static Set<String> listeningInodes(Path proc, int port) throws IOException {
        String hexPort = String.format(Locale.ROOT, ":%04X", port);
        Set<String> inodes = new HashSet<>();
        for (String table : List.of("net/tcp", "net/tcp6")) {
            Path file = proc.resolve(table);
            if (!Files.isReadable(file)) {
                continue;                                   // no IPv6 in this kernel
            }
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {      // after the header
                String[] fields = line.strip().split("\\s+");
                if (fields.length > 9 && fields[1].endsWith(hexPort) && fields[3].equals(LISTEN)) {
                    inodes.add(fields[9]);
                }
            }
        }
        return inodes;
    }

    private static boolean ownsOneOf(Path proc, Set<String> inodes) throws IOException {
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(proc.resolve("fd"))) {
            for (Path fd : fds) {
                String target = readLink(fd);
                if (target.startsWith("socket:[") && inodes.contains(target.substring(8, target.length() - 1))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The link's target, or "" for a descriptor closed since the directory was listed. */
    private static String readLink(Path fd) throws IOException {
        try {
            return Files.readSymbolicLink(fd).toString();
        } catch (NoSuchFileException e) {
            return "";
        }
    }
}
