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
 * every 100 ms on a named thread, keeping the thread-count peak and every reading with its time; {@link #finish} takes
 * a last sample and returns the cell's cost, its CPU time read over the load's measured window only, so that the
 * warm-up before it and the closing after it count for nothing. The thread shares the load client's core, so each
 * sample must be short: the descendants are looked for once a second ({@link #TREE_EVERY}), not at every sample
 * (looking reads every process on the machine and took milliseconds, long enough to make the client send late).
 */
public final class ProcSampler implements AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(ProcSampler.class.getName());
    static final Duration INTERVAL = Duration.ofMillis(100);
    static final Duration TREE_EVERY = Duration.ofSeconds(1);

    private final long pid;
    private final long clockTicksPerSecond;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final Thread sampler;
    /** Guarded by itself: the sampling thread adds, {@link #finish} reads once that thread has ended. */
    private final ProcTimeline timeline = new ProcTimeline();
    private volatile int peakThreads;
    /** Confined to the sampling thread: the process and its descendants as last found, and when. */
    private List<Long> tree;
    private long treeFoundNanos;

    private ProcSampler(long pid, long clockTicksPerSecond, ProcStat first, String name) {
        this.pid = pid;
        this.clockTicksPerSecond = clockTicksPerSecond;
        this.timeline.add(System.nanoTime(), first);
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

    /**
     * Stops sampling, takes a last sample, and returns peak memory and threads since {@link #start}, the CPU used in
     * {@code window} (per message of the {@code messages} measured in it), and the resident memory the
     * {@code connections} added (at the window's start against {@link #start}).
     */
    public ServerCost finish(MeasuredWindow window, long messages, int connections) throws InterruptedException {
        close();
        sample();
        synchronized (timeline) {
            return cost(timeline, clockTicksPerSecond, peakThreads, window, messages, connections);
        }
    }

    /** The cost that {@code timeline} shows; see {@link #finish}. */
    static ServerCost cost(ProcTimeline timeline, long clockTicksPerSecond, int peakThreads, MeasuredWindow window,
                           long messages, int connections) {
        // max: a child that exited within the window takes its ticks with it
        double ticks = Math.max(0, timeline.cpuTicksAt(window.endNanos()) - timeline.cpuTicksAt(window.startNanos()));
        double cpuSeconds = ticks / clockTicksPerSecond;
        Double perMessage = messages > 0 ? cpuSeconds * 1e6 / messages : null;
        Double perConnection = connections > 0
                ? (timeline.residentKiBAt(window.startNanos()) - timeline.first().residentKiB()) / connections : null;
        return new ServerCost(timeline.last().peakResidentKiB() / 1024.0, peakThreads, cpuSeconds, perMessage, perConnection);
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
            long nanos = System.nanoTime();
            if (tree == null || nanos - treeFoundNanos >= TREE_EVERY.toNanos()) {
                tree = ProcStat.tree(pid);
                treeFoundNanos = nanos;
            }
            ProcStat now = ProcStat.readAll(tree);
            nanos = System.nanoTime();
            synchronized (timeline) {
                timeline.add(nanos, now);
            }
            peakThreads = Math.max(peakThreads, now.threads());
        } catch (IOException e) {
            LOGGER.log(System.Logger.Level.DEBUG, "cannot sample process {0} (exited?): {1}", pid, e.toString());
        }
    }
}
