package shout.server.work;

import shout.server.ServerConfig;
import shout.server.Work;

/**
 * The one place that decides how an event loop carries out {@code --work}: {@code none} replies at
 * once, {@code sleep} replies after a timer (with or without {@code --offload}: a wait holds no
 * thread, so a pool would only add a hand-over), {@code cpu} burns on the loop, or on the
 * {@link OffloadPool} with {@code --offload}.
 *
 * <p>Immutable and thread-safe. The plans are made once, so asking for a chunk's plan allocates nothing.
 */
public final class WorkPolicy {

    private final WorkPlan plan;

    private WorkPolicy(WorkPlan plan) {
        this.plan = plan;
    }

    /** The policy for the config's work and offload settings. */
    public static WorkPolicy of(ServerConfig config) {
        return new WorkPolicy(switch (config.work()) {
            case Work.None none -> WorkPlan.REPLY_NOW;
            case Work.Sleep sleep -> new WorkPlan.ReplyAfter(sleep.delay().toNanos());
            case Work.Cpu cpu -> config.offload() ? new WorkPlan.Offload(cpu) : new WorkPlan.BurnInline(cpu);
        });
    }

    /**
     * The plan for the chunk a loop is about to work on. Every chunk gets the same plan today, so the
     * loops pass nothing of the chunk and read none of its bytes for this (the message path stays as
     * short as it was); a cost chosen per chunk (a marked chunk, whose first byte says so) adds that
     * byte as the argument here and at each loop's call site, without a change to how a loop carries
     * a plan out.
     */
    public WorkPlan planForChunk() {
        return plan;
    }

    /** Whether any chunk may be offloaded: the one rule that decides whether an {@link OffloadPool} has threads. */
    public boolean mayOffload() {
        return plan instanceof WorkPlan.Offload;
    }

    @Override
    public String toString() {
        return "WorkPolicy[" + plan + "]";
    }
}
