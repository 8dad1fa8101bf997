package shout.compare.plan;

import java.util.ArrayList;
import java.util.List;
import shout.cli.Durations;
import shout.server.Work;

/**
 * The work every server of a comparison does per received chunk ({@code --work}, {@code --offload}), and the
 * throughput that work allows at best: the "ideal" a closed-loop cell is measured against.
 *
 * @param work    what each server does per chunk before replying
 * @param offload whether event-loop modes move cpu work to a worker pool
 */
public record ServerWork(Work work, boolean offload) {

    /** The server options that say this, empty for no work and no offload. */
    List<String> serverArgs() {
        List<String> args = new ArrayList<>();
        if (!(work instanceof Work.None)) {
            args.addAll(List.of("--work", work.toString()));
        }
        if (offload) {
            args.add("--offload");
        }
        return args;
    }

    /** True when the work is not none: cells have an ideal, except under marked work (see {@link #idealMessagesPerSecond}). */
    public boolean hasIdeal() {
        return !(work instanceof Work.None);
    }

    /**
     * The best a closed loop can do, in messages per second, or null for no work. {@code sleep:D}: every one of
     * the connections x pipeline messages in flight waits D, so C*P/D. {@code cpu:T}: each busy server core
     * finishes one message per T, and no more cores are busy than messages are in flight, so min(C*P, cores)/T.
     * {@code seq} waits the sum of its waits and {@code fanout} the longest ({@code Waits.elapsed}), each like one sleep of that length.
     * {@code marked}: null, as its ideal depends on how many messages the client marks.
     */
    Double idealMessagesPerSecond(int connections, int pipeline, int serverCores) {
        return switch (work) {
            case Work.None none -> null;
            case Work.Sleep sleep -> (double) connections * pipeline / seconds(sleep.delay());
            case Work.Waits waits -> (double) connections * pipeline / seconds(waits.elapsed());
            case Work.Cpu cpu -> Math.min((double) connections * pipeline, serverCores) / seconds(cpu.cost());
            case Work.Marked marked -> null;
        };
    }

    /** How the ideal is reckoned, for the report, or null for no work: {@code min(connections x pipeline, 1 server CPU) / 1ms}. */
    public String idealRule(int serverCores) {
        return switch (work) {
            case Work.None none -> null;
            case Work.Sleep sleep -> "connections x pipeline / " + Durations.format(sleep.delay()) + " (closed loop)";
            case Work.Waits waits -> "connections x pipeline / " + Durations.format(waits.elapsed())
                    + (waits.schedule() == Work.Waits.Schedule.SEQ ? ", the sum of the waits" : ", the longest wait") + " (closed loop)";
            case Work.Marked marked -> null;
            case Work.Cpu cpu -> "min(connections x pipeline, " + serverCores + " server CPU" + (serverCores == 1 ? "" : "s")
                    + ") / " + Durations.format(cpu.cost());
        };
    }

    /** For the report: {@code sleep:10ms}, {@code cpu:1ms, offload}. */
    public String description() {
        return work + (offload ? ", offload" : "");
    }

    private static double seconds(java.time.Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
