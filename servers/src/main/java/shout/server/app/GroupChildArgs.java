package shout.server.app;

import java.util.ArrayList;
import java.util.List;
import java.util.SequencedMap;

/**
 * The command line of one process of a {@code --processes} group: the parent's own arguments as the
 * user gave them, with the options that differ per child replaced (the port it joins, its share of
 * the cap, one process, its index) and SO_REUSEPORT added. Nothing is rebuilt by hand, so a new
 * option reaches the children without code here.
 */
final class GroupChildArgs {

    private static final String REUSE_PORT = "--reuse-port";

    private GroupChildArgs() {
    }

    /**
     * {@code parentArgs} without the options named in {@code childOptions} (as {@code --opt value} or
     * {@code --opt=value}) and without {@code --reuse-port}; then {@code childOptions} in their order,
     * and {@code --reuse-port}.
     */
    static List<String> of(List<String> parentArgs, SequencedMap<String, String> childOptions) {
        List<String> args = new ArrayList<>();
        for (int i = 0; i < parentArgs.size(); i++) {
            String arg = parentArgs.get(i);
            if (childOptions.containsKey(arg)) {
                i++;                                  // and its value, the next argument
            } else if (!arg.equals(REUSE_PORT) && !childOptions.containsKey(arg.split("=", 2)[0])) {
                args.add(arg);
            }
        }
        childOptions.forEach((option, value) -> args.addAll(List.of(option, value)));
        args.add(REUSE_PORT);
        return args;
    }
}
