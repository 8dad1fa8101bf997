package shout.compare.process;

import java.util.List;
import shout.cli.ChildJvm;

/**
 * How compare starts a child {@code shout} process (the load client): {@link ChildJvm}'s binary, class path
 * and flags running the jar's entry point. The entry point is handed down from shout.app, which sits above
 * compare, so compare never names it. A server runs its own, cheaper entry point on the same {@link #jvm}
 * (see PartServers).
 *
 * @param jvm        the JVM every child runs on
 * @param entryPoint the main class that reads {@code load ...}
 */
public record ChildShout(ChildJvm jvm, Class<?> entryPoint) {

    /** {@code [prefix...] java FLAGS -cp CP entryPoint shoutArgs...}; the prefix is e.g. a {@code taskset} call. */
    public List<String> command(List<String> prefix, List<String> shoutArgs) {
        return jvm.command(prefix, entryPoint, shoutArgs);
    }
}
