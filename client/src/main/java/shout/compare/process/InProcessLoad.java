package shout.compare.process;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import shout.compare.plan.Cell;
import shout.compare.plan.CpuPinning;
import shout.load.LoadConfig;
import shout.load.LoadException;
import shout.load.LoadObserver;
import shout.load.LoadReport;
import shout.load.engine.LoadGenerator;

/**
 * The default {@link LoadRunner}: the load client's engine ({@link LoadGenerator}) in compare's own JVM, so that
 * its JIT is warm from the first cell on, where a {@code shout load} child process would start cold every cell. Its I/O threads
 * inherit the compare JVM's CPU affinity, which {@link JvmAffinity} pins to the client CPUs; it runs as many of
 * them as the client may use, as {@code shout load} under the same {@code taskset} would. The run's thread
 * coordinates the load; {@link LiveChildren#interrupt()} stops it from the signal's thread. Wrong bytes are
 * counted in the report, a measurement; a load that could not run at all fails the cell.
 */
public final class InProcessLoad implements LoadRunner {

    private final int threads;
    private final LiveChildren children;

    /**
     * @param pinning      the client CPUs (their count is the number of I/O threads)
     * @param machineCores CPUs of the machine, for a client not pinned
     * @param children     whose interruption stops a load under way
     */
    public InProcessLoad(CpuPinning pinning, int machineCores, LiveChildren children) {
        this.threads = pinning.clientCpuCount(machineCores);
        this.children = children;
    }

    /** The factory {@code shout compare} uses by default. */
    public static LoadRunner.Factory factory() {
        return (shout, pinning, children) -> new InProcessLoad(pinning, Runtime.getRuntime().availableProcessors(), children);
    }

    @Override
    public LoadReport run(Cell cell, String host, int port) throws CellFailure, InterruptedException {
        return measure(cell, host, port).report();
    }

    /**
     * The window is read off the engine's first measured interval: it is handed over as it ends, one interval
     * (its reported length) after measuring began, and measuring lasted the reported measured seconds from then.
     */
    @Override
    public Measurement measure(Cell cell, String host, int port) throws CellFailure, InterruptedException {
        LoadConfig config;
        try {
            config = LoadConfig.builder().host(host).port(port).connections(cell.connections()).idle(cell.idleConnections()).threads(threads)
                    .shape(cell.shape()).expect(cell.target().expect()).warmup(cell.warmup()).duration(cell.duration())
                    .interval(cell.throughputInterval()).messagesPerSecond(cell.offeredMessagesPerSecond())
                    .build();
        } catch (IllegalArgumentException e) {
            throw new CellFailure("load client: " + e.getMessage());
        }
        AtomicLong firstIntervalNanos = new AtomicLong();
        LoadGenerator generator = new LoadGenerator(config, new LoadObserver() {
            @Override
            public void interval(Histogram latencyNanos) {
                firstIntervalNanos.compareAndSet(0, System.nanoTime());
            }
        });
        try (LiveChildren.StopHook stops = children.stopsOnInterrupt(generator::stop)) {
            LoadReport report = generator.run();
            return new Measurement(report, window(report, firstIntervalNanos.get()));
        } catch (LoadException e) {
            throw new CellFailure("load client could not run: " + e.getMessage());
        }
    }

    /** When {@code report} measured, given when its first interval was handed over; null when nothing was measured. */
    private static MeasuredWindow window(LoadReport report, long firstIntervalNanos) {
        List<LoadReport.Interval> intervals = report.throughput().intervals();
        if (firstIntervalNanos == 0 || intervals == null || intervals.isEmpty()) {
            return null;
        }
        long startNanos = firstIntervalNanos - Math.round(intervals.getFirst().seconds() * 1e9);
        return new MeasuredWindow(startNanos, startNanos + Math.round(report.throughput().measuredSeconds() * 1e9));
    }
}
