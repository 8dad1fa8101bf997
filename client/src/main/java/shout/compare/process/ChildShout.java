package shout.compare.process;

import java.util.List;
import shout.cli.ChildJvm;

/**
 * How compare starts a child {@code shout} process: {@link ChildJvm}'s binary, class path and flags running
 * one of the jar's entry points. Both are handed down from shout.app, which sits above compare, so compare
 * never names a server class: it reaches a server only through its command line (its options, start line and
 * stop line).
 *
 * @param jvm              the JVM every child runs on
 * @param entryPoint       the main class that reads {@code load ...}
 * @param serverEntryPoint the main class that reads {@code shout server}'s options alone: a server child starts
 *                         on it, which is cheaper than building every command's command line (see PartServers)
 */
public record ChildShout(ChildJvm jvm, Class<?> entryPoint, Class<?> serverEntryPoint) {

    /** {@code [prefix...] java FLAGS -cp CP entryPoint shoutArgs...}; the prefix is e.g. a {@code taskset} call. */
    public List<String> command(List<String> prefix, List<String> shoutArgs) {
        return jvm.command(prefix, entryPoint, shoutArgs);
    }
}
