package shout.load;

import java.util.Locale;
import shout.cli.Durations;

/**
 * Whether a run measured its load client rather than the server: how busy the client's cores were during the
 * measured part, and whether that reached {@link #BOUND_PERCENT}. A client busy all the time sends each message as
 * soon as it can, so the run's msgs/s is the client's rate at that moment and the server's own limit may lie above
 * it; two such runs differ by the client's moments, not by their servers. Each load thread drives its connections
 * from one loop, so the client can use at most as many cores as it has threads, and no more than the CPUs it may
 * run on.
 *
 * <p>Why 90%: the cells in which the fastest server read below slower ones were those whose client was busier than
 * that, and no other cell came near it; the figures are in docs/findings.md#client-bound-cells-the-90-mark.
 *
 * <p>An open loop is client-bound too when the client fell behind its own schedule ({@link OpenLoopTimes#clientLate}),
 * busy or not: its latency's tail is then the client's as much as the server's.
 *
 * @param busyPercent  the client's CPU time over the measured time, as a share of the cores it could use, in %
 * @param cores        the cores it could use: its threads, at most the CPUs it may run on
 * @param lateP99Micros an open loop's 99th percentile of lateness (actual send minus scheduled), in us; 0 for a closed loop
 * @param bound        true when {@code busyPercent} reached {@link #BOUND_PERCENT} or the open loop was client-late
 */
public record ClientLimit(double busyPercent, int cores, double lateP99Micros, boolean bound) {

    /** From this share of its cores on, a run is taken to show the client's limit rather than the server's. */
    public static final double BOUND_PERCENT = 90;

    /** The limit of {@code report}'s client, which could run on {@code cpus} CPUs; null when it measured nothing. */
    public static ClientLimit of(LoadReport report, int cpus) {
        if (report.throughput().measuredSeconds() <= 0) {
            return null;
        }
        int threads = report.settings() == null ? 1 : report.settings().threads();
        int cores = Math.max(1, Math.min(threads, cpus));
        double busy = 100 * report.client().clientCpuSeconds() / report.throughput().measuredSeconds() / cores;
        OpenLoopTimes times = report.openLoopTimes();
        double lateP99Micros = times == null ? 0 : times.latenessMicros().p99();
        return new ClientLimit(busy, cores, lateP99Micros, busy >= BOUND_PERCENT || report.clientLate());
    }

    /** The limit of a run made in this JVM: the CPUs it may run on now, as its affinity allows. */
    public static ClientLimit ofThisJvm(LoadReport report) {
        return of(report, Runtime.getRuntime().availableProcessors());
    }

    /**
     * {@code the load client was busy 97% of the 1 core it could use}, and for an open loop how late it sent:
     * {@code ... use, and sent 1% of its messages 3.2 ms or more behind its schedule}.
     */
    public String describe() {
        String busy = String.format(Locale.ROOT, "the load client was busy %.0f%% of the %d core%s it could use", busyPercent,
                cores, cores == 1 ? "" : "s");
        return lateP99Micros == 0 ? busy : busy + ", and sent 1% of its messages " + Durations.readable(lateP99Micros)
                + " or more behind its schedule";
    }
}
