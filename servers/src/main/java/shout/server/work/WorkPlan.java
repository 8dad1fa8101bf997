package shout.server.work;

import shout.server.Work;

/**
 * How an event loop replies to a chunk once {@link WorkPolicy#startWork()} has done what of its work
 * belongs on the loop's own thread. Each event loop switches over these cases and carries each out its
 * own way (its timer, its queue, its hand-back); none of them decides anything, and none keeps another
 * copy of the work option.
 *
 * <p>A sealed type, so that a case added here is a compile error in every loop until it carries it
 * out. The kinds still to come fit as more cases: several waits in sequence or fanned out become
 * cases holding a list of waits (one after the other, or all at once with the reply after the last),
 * and a cost chosen per chunk (mixed costs, marked chunks) is the policy returning different plans
 * for different chunks, with no new case at all.
 */
public sealed interface WorkPlan {

    /** The plan of every chunk whose reply goes out at once: one instance for all of them. */
    WorkPlan REPLY_NOW = new ReplyNow();

    /** Reply at once: there was no work, or it was burnt on the loop already. */
    record ReplyNow() implements WorkPlan {
    }

    /** Stop reading and reply once the delay has passed, on the loop's timer: the loop never blocks. */
    record ReplyAfter(long delayNanos) implements WorkPlan {
    }

    /**
     * Stop reading, burn the cost on the {@link OffloadPool}, then hand the reply back to the loop,
     * which alone writes to the connection.
     */
    record Offload(Work.Cpu cost) implements WorkPlan {
    }
}
