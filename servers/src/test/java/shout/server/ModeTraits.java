package shout.server;

/**
 * What tests must know of a mode beyond the contract: how many connections it serves at once. Every mode but
 * these two serves connections up to the cap, so a new mode needs nothing here unless it queues connections too.
 */
public final class ModeTraits {

    private ModeTraits() {
    }

    /** Whether a second client waits, unserved, until the first one leaves (serial): there is nothing to reject over the cap. */
    public static boolean servesOneClientAtATime(Mode mode) {
        return mode == Mode.SERIAL;
    }

    /** Whether {@code threads} caps the connections served at once (pool: one more waits for a free thread). */
    public static boolean threadsCapConnections(Mode mode) {
        return mode == Mode.POOL;
    }
}
