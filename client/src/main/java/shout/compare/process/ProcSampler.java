package shout.compare.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import shout.compare.result.ServerCost;

/**
 * Samples one process and its descendants ({@code /proc/<pid>/status} and {@code stat}, see {@link ProcStat#readTree})
 * every 200 ms on a named thread, keeping the thread-count peak; {@link #finish} takes a last sample and returns
 * the cell's cost.
 */
public final class ProcSampler implements AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(ProcSampler.class.getName());
    static final Duration INTERVAL = Duration.ofMillis(200);

    private final long pid;
    private final long clockTicksPerSecond;
    private final long startCpuTicks;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final Thread sampler;
    private volatile ProcStat latest;
    private volatile int peakThreads;

    private ProcSampler(long pid, long clockTicksPerSecond, ProcStat first, String name) {
        this.pid = pid;
        this.clockTicksPerSecond = clockTicksPerSecond;
        this.startCpuTicks = first.cpuTicks();
        this.latest = first;
        this.peakThreads = first.threads();
        this.sampler = Thread.ofPlatform().name("proc-sampler-" + name).daemon().start(this::sampleUntilStopped);
    }

    /**
     * Resets the peak resident memory of {@code pid}'s tree (so that the cell's peak is its own, not an earlier
     * cell's of the same long-lived server; see {@link ProcStat#resetPeaks}), takes a first sample now and starts
     * sampling; {@code name} names the thread.
     */
    public static ProcSampler start(long pid, long clockTicksPerSecond, String name) throws IOException {
        ProcStat.resetPeaks(pid);
        return new ProcSampler(pid, clockTicksPerSecond, ProcStat.readTree(pid), name);
    }

    /** True where {@code /proc} exists (Linux). */
    public static boolean supported() {
        return Files.isDirectory(Path.of("/proc/self"));
    }

    /**
     * Waits until the processes {@code pids} (with their descendants) use at most {@code maxShare} of one CPU over
     * a {@code window}, for at most {@code atMost}: a server still closing the last cell's connections, or still
     * compiling, would otherwise take CPU from the next cell's server. Returns whether they went quiet.
     */
    public static boolean awaitQuiet(List<Long> pids, Duration window, double maxShare, Duration atMost,
                                     long clockTicksPerSecond) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        long before = ticks(pids);
        double maxTicks = maxShare * clockTicksPerSecond * window.toNanos() / 1e9;
        while (System.nanoTime() < deadline) {
            Thread.sleep(window);
            long now = ticks(pids);
            if (now - before <= maxTicks) {
                return true;
            }
            before = now;
        }
        return false;
    }

    private static long ticks(List<Long> pids) {
        long total = 0;
        for (long pid : pids) {
            try {
                total += ProcStat.readTree(pid).cpuTicks();
            } catch (IOException e) {
                LOGGER.log(System.Logger.Level.DEBUG, "cannot sample process {0} (exited?): {1}", pid, e.toString());
            }
        }
        return total;
    }

    /** Stops sampling, takes a last sample, and returns peak memory, peak threads and CPU used since {@link #start}. */
    public ServerCost finish() throws InterruptedException {
        close();
        sample();
        ProcStat last = latest;
        // max: a child that exited before the last sample takes its ticks with it
        double cpuSeconds = (double) Math.max(0, last.cpuTicks() - startCpuTicks) / clockTicksPerSecond;
        return new ServerCost(last.peakResidentKiB() / 1024.0, peakThreads, cpuSeconds);
    }

    /** Stops the sampling thread and waits for it. Safe to call twice. */
    @Override
    public void close() throws InterruptedException {
        stopRequested.countDown();
        sampler.join();
    }

    private void sampleUntilStopped() {
        try {
            while (!stopRequested.await(INTERVAL.toMillis(), TimeUnit.MILLISECONDS)) {
                sample();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sample() {
        try {
            ProcStat now = ProcStat.readTree(pid);
            latest = now;
            peakThreads = Math.max(peakThreads, now.threads());
        } catch (IOException e) {
            LOGGER.log(System.Logger.Level.DEBUG, "cannot sample process {0} (exited?): {1}", pid, e.toString());
        }
    }
}
