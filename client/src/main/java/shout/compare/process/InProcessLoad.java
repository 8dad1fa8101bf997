package shout.compare.process;

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
        LoadConfig config;
        try {
            config = LoadConfig.builder().host(host).port(port).connections(cell.connections()).threads(threads)
                    .shape(cell.shape()).expect(cell.target().expect()).warmup(cell.warmup()).duration(cell.duration())
                    .interval(cell.throughputInterval())
                    .build();
        } catch (IllegalArgumentException e) {
            throw new CellFailure("load client: " + e.getMessage());
        }
        LoadGenerator generator = new LoadGenerator(config, new LoadObserver() { });
        try (LiveChildren.StopHook stops = children.stopsOnInterrupt(generator::stop)) {
            return generator.run();
        } catch (LoadException e) {
            throw new CellFailure("load client could not run: " + e.getMessage());
        }
    }
}
