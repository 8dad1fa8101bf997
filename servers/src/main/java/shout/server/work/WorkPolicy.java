package shout.server.work;

import shout.server.ServerConfig;
import shout.server.Work;

/**
 * The one place that decides how an event loop carries out {@code --work}: {@code none} replies at
 * once; {@code sleep} replies after a timer, with or without {@code --offload} (a wait holds no
 * thread, so a pool would only add a hand-over); {@code cpu} burns on the loop's own thread, or with
 * {@code --offload} on the {@link OffloadPool}.
 *
 * <p>Immutable and thread-safe. The plans are made once, so starting a chunk's work allocates nothing.
 */
public final class WorkPolicy {

    private final WorkPlan plan;
    /** The cost burnt on the loop before a {@link WorkPlan#REPLY_NOW}; null when there is none. */
    private final Work.Cpu inlineCost;

    private WorkPolicy(WorkPlan plan, Work.Cpu inlineCost) {
        this.plan = plan;
        this.inlineCost = inlineCost;
    }

    /** The policy for the config's work and offload settings. */
    public static WorkPolicy of(ServerConfig config) {
        return switch (config.work()) {
            case Work.None none -> new WorkPolicy(WorkPlan.REPLY_NOW, null);
            case Work.Sleep sleep -> new WorkPolicy(new WorkPlan.ReplyAfter(sleep.delay().toNanos()), null);
            case Work.Cpu cpu -> config.offload()
                    ? new WorkPolicy(new WorkPlan.Offload(cpu), null)
                    : new WorkPolicy(WorkPlan.REPLY_NOW, cpu);
        };
    }

    /**
     * Starts the work of the chunk a loop is about to serve: burns here and now what belongs on the
     * calling thread (every other connection of that loop waits meanwhile; {@code --offload} is what
     * avoids it), then says how the reply follows. Burning inline is the one part every loop would do
     * alike, so it is done here, once.
     *
     * <p>Every chunk gets the same plan today, so the loops pass nothing of the chunk and read none of
     * its bytes for this (the message path stays as short as it was); a cost chosen per chunk (a marked
     * chunk, whose first byte says so) adds that byte as the argument here and at each loop's call site,
     * without a change to how a loop carries a plan out.
     */
    public WorkPlan startWork() {
        if (inlineCost != null) {
            inlineCost.burn();
        }
        return plan;
    }

    /** Whether any chunk may be offloaded: the one rule that decides whether an {@link OffloadPool} has threads. */
    public boolean mayOffload() {
        return plan instanceof WorkPlan.Offload;
    }

    @Override
    public String toString() {
        return "WorkPolicy[" + plan + (inlineCost == null ? "" : ", burning " + inlineCost + " inline") + "]";
    }
}
