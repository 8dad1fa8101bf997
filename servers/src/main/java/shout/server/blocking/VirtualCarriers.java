package shout.server.blocking;

/**
 * How many carrier threads the virtual mode's threads run on: at least two, even where the server may use one
 * cpu. With one carrier, JDK 25's scheduler left threads that were started while the carrier had work of its own
 * queued unrun for as long as that lasted, so connections it had accepted got no reply; two carriers cost about a
 * tenth of the throughput and starve none (docs/findings.md#virtual-runs-on-at-least-two-carriers). Where the
 * machine gives more cpus,
 * the JDK's default (one carrier a cpu) is already at least two and is kept.
 */
public final class VirtualCarriers {

    /** The JDK's switch for the default virtual thread scheduler's parallelism, read once, when it is created. */
    static final String PARALLELISM = "jdk.virtualThreadScheduler.parallelism";
    /** The fewest carriers the virtual mode runs on. */
    static final int MINIMUM = 2;

    private VirtualCarriers() {
    }

    /**
     * Asks for {@link #MINIMUM} carriers or one a cpu, whichever is more, unless the user set the parallelism
     * ({@code -Djdk.virtualThreadScheduler.parallelism=N} wins). It takes effect only before this JVM's first virtual
     * thread, as {@code shout server} starts one server a JVM; returns the carriers asked for.
     */
    public static String atLeastTwo() {
        String chosen = System.getProperty(PARALLELISM);
        if (chosen != null) {
            return chosen;
        }
        String carriers = Integer.toString(Math.max(MINIMUM, Runtime.getRuntime().availableProcessors()));
        System.setProperty(PARALLELISM, carriers);
        return carriers;
    }
}
