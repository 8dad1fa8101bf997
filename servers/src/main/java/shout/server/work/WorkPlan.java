package shout.server.work;

import java.util.List;
import shout.server.Work;

/**
 * How an event loop replies to a chunk once {@link WorkPolicy#startWork()} has done what of its work
 * belongs on the loop's own thread. Each event loop switches over these cases and carries each out its
 * own way (its timer, its queue, its hand-back); none of them decides anything, and none keeps another
 * copy of the work option.
 *
 * <p>A sealed type, so that a case added here is a compile error in every loop until it carries it
 * out. Waits in sequence need no case of their own (one timer for their sum is what a loop would do),
 * and a cost chosen per chunk (marked chunks) is the policy returning different plans for different
 * chunks.
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
     * Stop reading, arm one timer per delay, all at once, and reply when the last has fired: a fan-out.
     * The loop's timers must then fire in due order although their delays differ.
     */
    record ReplyAfterAll(List<Long> delaysNanos) implements WorkPlan {
        public ReplyAfterAll {
            delaysNanos = List.copyOf(delaysNanos);
        }
    }

    /**
     * Stop reading, burn the cost on the {@link OffloadPool}, then hand the reply back to the loop,
     * which alone writes to the connection.
     */
    record Offload(Work.Cpu cost) implements WorkPlan {
    }
}
