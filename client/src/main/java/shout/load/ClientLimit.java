package shout.load;

import java.util.Locale;

/**
 * Whether a run measured its load client rather than the server: how busy the client's cores were during the
 * measured part, and whether that reached {@link #BOUND_PERCENT}. A client busy all the time sends each message as
 * soon as it can, so the run's msgs/s is the client's rate at that moment and the server's own limit may lie above
 * it; two such runs differ by the client's moments, not by their servers. Each load thread drives its connections
 * from one loop, so the client can use at most as many cores as it has threads, and no more than the CPUs it may
 * run on.
 *
 * <p>Why 90%: in a {@code shout compare --repeat 3} on this project's 2-core machine (2026-12-02, server on cpu 0,
 * the load client's one thread on cpu 1) the client was 91-99% busy in the cells of the reference C server, nio and
 * netty at 100 to 10,000 connections, of blocking at 100 and of virtual at 1,000, and the C server, the fastest of
 * them under {@code pingpong}, read below nio at 100 connections (66k against 93k msgs/s); in every other cell it was
 * 40-88% busy.
 *
 * @param busyPercent the client's CPU time over the measured time, as a share of the cores it could use, in %
 * @param cores       the cores it could use: its threads, at most the CPUs it may run on
 * @param bound       true when {@code busyPercent} reached {@link #BOUND_PERCENT}
 */
public record ClientLimit(double busyPercent, int cores, boolean bound) {

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
        return new ClientLimit(busy, cores, busy >= BOUND_PERCENT);
    }

    /** The limit of a run made in this JVM: the CPUs it may run on now, as its affinity allows. */
    public static ClientLimit ofThisJvm(LoadReport report) {
        return of(report, Runtime.getRuntime().availableProcessors());
    }

    /** {@code the load client was busy 97% of the 1 core it could use}. */
    public String describe() {
        return String.format(Locale.ROOT, "the load client was busy %.0f%% of the %d core%s it could use", busyPercent, cores,
                cores == 1 ? "" : "s");
    }
}
