package shout.server.work;

import shout.server.Work;

/**
 * What an event loop does with one received chunk before it replies, as {@link WorkPolicy} decided it.
 * Each event loop switches over these cases and carries each out its own way (its timer, its queue);
 * none of them decides anything. The loops keep no other copy of the work option.
 *
 * <p>A sealed type, so that a case added here is a compile error in every loop until it carries it
 * out. The kinds still to come fit as more cases: several waits in sequence or fanned out become
 * cases holding a list of plans (run one after the other, or all at once with the reply after the
 * last), and a cost chosen per chunk (mixed costs, marked chunks) is the policy returning different
 * plans for different chunks, with no new case at all.
 */
public sealed interface WorkPlan {

    /** No work: the plan of every chunk under {@code --work none}, one instance for all of them. */
    WorkPlan REPLY_NOW = new ReplyNow();

    /** Reply at once. */
    record ReplyNow() implements WorkPlan {
    }

    /** Burn the cost on the loop's own thread, then reply: every other connection of that loop waits meanwhile. */
    record BurnInline(Work.Cpu cost) implements WorkPlan {
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
