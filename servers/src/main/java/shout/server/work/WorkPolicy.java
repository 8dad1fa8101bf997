package shout.server.work;

import java.time.Duration;
import java.util.stream.Stream;
import shout.cli.Marker;
import shout.server.ServerConfig;
import shout.server.Work;

/**
 * The one place that decides how an event loop carries out {@code --work}: {@code none} replies at
 * once; {@code sleep} and {@code seq} reply after one timer (a sequence's waits add up), {@code fanout}
 * after the last of one timer per wait, with or without {@code --offload} (a wait holds no thread, so a
 * pool would only add a hand-over); {@code cpu} burns on the loop's own thread, or with
 * {@code --offload} on the {@link OffloadPool}. {@code marked} work plans a marked chunk by its marked
 * cost and any other by its unmarked cost.
 *
 * <p>Immutable and thread-safe. The plans are made once, so starting a chunk's work allocates nothing.
 */
public final class WorkPolicy {

    /** A chunk's plan, and the cost burnt on the loop before a {@link WorkPlan#REPLY_NOW} (null when none). */
    private record ChunkWork(WorkPlan plan, Work.Cpu inlineCost) {
    }

    private final ChunkWork unmarked;
    /** The same object as {@link #unmarked} unless the work is {@code marked}. */
    private final ChunkWork marked;

    private WorkPolicy(ChunkWork unmarked, ChunkWork marked) {
        this.unmarked = unmarked;
        this.marked = marked;
    }

    /** The policy for the config's work and offload settings. */
    public static WorkPolicy of(ServerConfig config) {
        return switch (config.work()) {
            case Work.Marked mixed -> new WorkPolicy(chunkWork(mixed.unmarked(), config.offload()),
                    chunkWork(mixed.marked(), config.offload()));
            case Work.Cost cost -> {
                ChunkWork every = chunkWork(cost, config.offload());
                yield new WorkPolicy(every, every);
            }
        };
    }

    private static ChunkWork chunkWork(Work.Cost cost, boolean offload) {
        return switch (cost) {
            case Work.None none -> new ChunkWork(WorkPlan.REPLY_NOW, null);
            case Work.Sleep sleep -> replyAfter(sleep.delay());
            case Work.Waits waits -> switch (waits.schedule()) {
                case SEQ -> replyAfter(waits.elapsed());
                case FANOUT -> new ChunkWork(
                        new WorkPlan.ReplyAfterAll(waits.waits().stream().map(Duration::toNanos).toList()), null);
            };
            case Work.Cpu cpu -> offload ? new ChunkWork(new WorkPlan.Offload(cpu), null) : new ChunkWork(WorkPlan.REPLY_NOW, cpu);
        };
    }

    private static ChunkWork replyAfter(Duration delay) {
        return new ChunkWork(new WorkPlan.ReplyAfter(delay.toNanos()), null);
    }

    /**
     * Starts the work of the chunk a loop is about to serve, given its first byte (only marked work reads
     * it): burns here and now what belongs on the calling thread (every other connection of that loop
     * waits meanwhile; {@code --offload} is what avoids it), then says how the reply follows. Burning
     * inline is the one part every loop would do alike, so it is done here, once.
     */
    public WorkPlan startWork(byte firstByte) {
        ChunkWork work = Marker.marks(firstByte) ? marked : unmarked;
        if (work.inlineCost() != null) {
            work.inlineCost().burn();
        }
        return work.plan();
    }

    /** Whether any chunk may be offloaded: the one rule that decides whether an {@link OffloadPool} has threads. */
    public boolean mayOffload() {
        return unmarked.plan() instanceof WorkPlan.Offload || marked.plan() instanceof WorkPlan.Offload;
    }

    /**
     * Whether timers armed one after another also fall due in that order: true when every timer this
     * policy plans has the same delay, so a loop may keep them in a plain FIFO; false when delays differ
     * (a fan-out of different waits, marked and unmarked chunks that wait differently).
     */
    public boolean timersDueInArmingOrder() {
        return Stream.of(unmarked.plan(), marked.plan()).flatMap(WorkPolicy::delaysNanos).distinct().count() <= 1;
    }

    private static Stream<Long> delaysNanos(WorkPlan plan) {
        return switch (plan) {
            case WorkPlan.ReplyAfter after -> Stream.of(after.delayNanos());
            case WorkPlan.ReplyAfterAll all -> all.delaysNanos().stream();
            case WorkPlan.ReplyNow now -> Stream.empty();
            case WorkPlan.Offload offload -> Stream.empty();
        };
    }

    @Override
    public String toString() {
        return "WorkPolicy[" + (marked == unmarked ? describe(unmarked) : "marked " + describe(marked) + ", unmarked " + describe(unmarked)) + "]";
    }

    private static String describe(ChunkWork work) {
        return work.plan() + (work.inlineCost() == null ? "" : ", burning " + work.inlineCost() + " inline");
    }
}
