package shout.server.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The command line of one process of a {@code --processes} group: the parent's own arguments as the
 * user gave them, with the options that differ per child replaced (the port it joins, its share of
 * the cap, one process) and SO_REUSEPORT added. Nothing is rebuilt by hand, so a new option reaches
 * the children without code here.
 */
final class GroupChildArgs {

    /** Options whose value the child gets from here, and the flag it always gets. */
    private static final Set<String> REPLACED = Set.of("--processes", "--port", "--max-connections");
    private static final String REUSE_PORT = "--reuse-port";

    private GroupChildArgs() {
    }

    /**
     * {@code parentArgs} without {@code --processes}, {@code --port}, {@code --max-connections} (as
     * {@code --opt value} or {@code --opt=value}) and {@code --reuse-port}, then those set for the child.
     */
    static List<String> of(List<String> parentArgs, int port, int maxConnections) {
        List<String> args = new ArrayList<>();
        for (int i = 0; i < parentArgs.size(); i++) {
            String arg = parentArgs.get(i);
            if (REPLACED.contains(arg)) {
                i++;                                  // and its value, the next argument
            } else if (!arg.equals(REUSE_PORT) && !REPLACED.contains(arg.split("=", 2)[0])) {
                args.add(arg);
            }
        }
        args.addAll(List.of("--processes", "1", "--port", "" + port, "--max-connections", "" + maxConnections, REUSE_PORT));
        return args;
    }
}
