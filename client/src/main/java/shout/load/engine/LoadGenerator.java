package shout.load.engine;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import shout.cli.Durations;
import shout.load.ErrorKind;
import shout.load.LoadConfig;
import shout.load.LoadException;
import shout.load.LoadObserver;
import shout.load.LoadProgress;
import shout.load.LoadReport;
import shout.load.MessageShape;
import shout.load.Phase;
import shout.load.io.Poller;

/**
 * Runs one load: opens the idle connections ({@code --idle}, see {@link IdleConnections}), then the active ones,
 * warms up, measures, and returns a {@link LoadReport}; it never formats. Threading model: the calling thread coordinates. It starts one {@link LoadLoop} per
 * I/O thread, moves the shared phase forward (connect, warm-up, measure, stop), waits for
 * {@code --start-at} between connect and warm-up, once an {@code --interval} collects the interval
 * latencies (the report's throughput intervals and the observer's histograms), and once a second tells the
 * {@link LoadObserver} the progress, whatever the interval: a person reads that line. It joins every I/O
 * thread before it returns, so all sockets and selectors are closed by then, on success or failure.
 * {@link #stop} may come from any thread and ends the run as its duration would.
 */
public final class LoadGenerator {

    private static final long PROGRESS_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final LoadConfig config;
    private final LoadObserver observer;
    private final RunControl control;
    private final List<LoadConnection> connections = new ArrayList<>();
    private final List<LoopStats> stats = new ArrayList<>();
    private final List<LoadLoop> loops = new ArrayList<>();
    private final IntervalCollector collector;
    private final CpuClock cpuClock = CpuClock.forThisProcess();
    private final ThroughputLog throughput = new ThroughputLog();
    private final ProgressRate progressRate = new ProgressRate();
    private final long intervalNanos;
    private long startNanos;
    /** When the next interval is collected. */
    private long nextTickNanos;
    private long nextProgressNanos;
    private long lastReplyNanos;
    /** Replies completed by all I/O threads at the last progress count. */
    private long completedAtLastCount;

    public LoadGenerator(LoadConfig config, LoadObserver observer) {
        this.config = config;
        this.observer = observer;
        this.control = new RunControl(config.connections().count(), config.connections().threads(), config.schedule().messages());
        this.intervalNanos = config.schedule().interval().toNanos();
        for (int thread = 0; thread < config.connections().threads(); thread++) {
            stats.add(new LoopStats(config.shape().mark().any()));
        }
        this.collector = new IntervalCollector(stats.stream().map(s -> s.latency).toList());
    }

    /**
     * Asks the run to end now, as its duration would: the I/O threads stop and close their
     * connections, and {@link #run} returns the report of what was measured so far, marked
     * interrupted. From any thread (a signal handler), before or during the run; again is harmless.
     */
    public void stop() {
        control.requestStop();
    }

    /**
     * Runs the load once and reports it. Throws {@link LoadException} when the run could not happen at
     * all: an unknown host, or not one connection established.
     */
    public LoadReport run() throws LoadException, InterruptedException {
        InetSocketAddress address = resolve();
        try (IdleConnections idle = IdleConnections.open(address, config.target().toString(), config.connections().idle(),
                config.timeouts().connect(), control)) {
            return run(address, idle);
        }
    }

    /** The run proper, {@code idle} held open from before it starts until after its report is built. */
    private LoadReport run(InetSocketAddress address, IdleConnections idle) throws LoadException, InterruptedException {
        Instant start = Instant.now();
        startNanos = System.nanoTime();
        nextTickNanos = startNanos + intervalNanos;
        nextProgressNanos = startNanos + PROGRESS_NANOS;
        progressRate.start(startNanos);
        createLoops(address);
        List<Thread> threads = new ArrayList<>();
        Measured measurement;
        try {
            for (int i = 0; i < loops.size(); i++) {
                threads.add(Thread.ofPlatform().name("load-io-" + i).start(loops.get(i)));
            }
            measurement = coordinate();
        } finally {
            control.enter(Phase.STOP);
            loops.forEach(LoadLoop::wakeup);
            for (Thread thread : threads) {
                thread.join();
            }
        }
        if (measurement.began()) {
            Histogram last = collector.collect();       // what completed between the last tick and the stop
            observer.interval(last);
            throughput.add(last.getTotalCount(), measurement.endNanos());
        }
        return ReportBuilder.build(config, loops.get(0).engine(), connections, stats, idle.stillHeld(), collector.total(),
                new Measurement(start, measurement.nanos(), measurement.cpuNanos(), throughput.intervals(),
                        measurement.interrupted()));
    }

    /** The measured part's length, end and CPU time, and whether a stop request cut it short. */
    private record Measured(boolean began, long nanos, long endNanos, long cpuNanos, boolean interrupted) {
        /** A stop request came while connecting, waiting or warming up: nothing was measured. */
        static final Measured NOTHING = new Measured(false, 0, 0, 0, true);
    }

    private InetSocketAddress resolve() throws LoadException {
        try {
            return new InetSocketAddress(InetAddress.getByName(config.target().host()), config.target().port());
        } catch (UnknownHostException e) {
            throw new LoadException("cannot connect to " + config.target() + ": unknown host");
        }
    }

    private void createLoops(InetSocketAddress address) throws LoadException {
        int count = config.connections().count();
        int threads = config.connections().threads();
        MessageShape shape = config.shape();
        OpenLoopSchedule schedule = config.pacing().openLoop()
                ? new OpenLoopSchedule(control, config.pacing().sendIntervalNanos(count), count) : null;
        try {
            for (int thread = 0; thread < threads; thread++) {
                List<LoadConnection> share = new ArrayList<>();
                int shareSize = (count - thread + threads - 1) / threads;
                PayloadSlab slab = new PayloadSlab(shape.sizeBytes(), shape.pipeline(), shareSize);
                for (int index = thread; index < count; index += threads) {
                    share.add(new LoadConnection(index, Payload.forConnection(config.seed(), index, shape.sizeBytes(), config.expect()),
                            shape.pipeline(), slab, schedule, control, stats.get(thread), shape.mark()));
                }
                connections.addAll(share);
                loops.add(new LoadLoop(config, control, address, schedule, share, stats.get(thread), startNanos));
            }
        } catch (IOException e) {
            loops.forEach(LoadLoop::close);
            throw new LoadException("cannot start the I/O threads: " + ErrorKind.describe(Poller.classify(e, true), e));
        }
    }

    private Measured coordinate() throws LoadException, InterruptedException {
        while (!control.awaitSettled(untilTick())) {
            tick(Phase.CONNECT);
        }
        if (control.stopRequested()) {
            return Measured.NOTHING;
        }
        if (control.connectionsUp() == 0) {
            throw new LoadException("cannot connect to " + config.target() + ": " + control.firstConnectFailure());
        }
        if (config.schedule().startAt() != null && !waitForStartTime()) {
            return Measured.NOTHING;
        }
        boolean warmup = !config.schedule().warmup().isZero();
        lastReplyNanos = System.nanoTime();
        if (warmup) {
            control.startTraffic(Phase.WARMUP, lastReplyNanos);
            loops.forEach(LoadLoop::wakeup);
            runUntil(System.nanoTime() + config.schedule().warmup().toNanos(), Phase.WARMUP);
            if (control.stopRequested()) {
                return Measured.NOTHING;
            }
        }
        // nothing measured yet: the first measured interval then starts now, not at the last tick
        collector.collect();
        progressRate.add(completedSinceLastCount(), System.nanoTime());
        long measureStartNanos = System.nanoTime();
        control.startMeasuring(measureStartNanos);
        if (warmup) {
            control.enter(Phase.MEASURE);       // sending already: the loops need no wake-up to count from now on
        } else {
            control.startTraffic(Phase.MEASURE, lastReplyNanos);
            loops.forEach(LoadLoop::wakeup);
        }
        long cpuStartNanos = cpuClock.processCpuNanos();
        throughput.start(measureStartNanos);
        nextTickNanos = measureStartNanos + intervalNanos;  // so the first measured interval is a whole one
        runUntil(config.schedule().counted() ? Long.MAX_VALUE : measureStartNanos + config.schedule().duration().toNanos(), Phase.MEASURE);
        long measureEndNanos = System.nanoTime();
        return new Measured(true, measureEndNanos - measureStartNanos, measureEndNanos,
                cpuClock.processCpuNanos() - cpuStartNanos, control.stopRequested());
    }

    /**
     * Once connected, sends nothing until {@code --start-at}, ticking as it waits; false when a stop
     * request came first. Connections settled only after it start at once, and the observer hears how late.
     */
    private boolean waitForStartTime() throws LoadException, InterruptedException {
        Duration left = Duration.between(Instant.now(), config.schedule().startAt());
        if (left.isNegative()) {
            observer.startedLate(left.negated());
            return true;
        }
        while (!left.isNegative() && !left.isZero()) {
            if (control.awaitStop(Math.min(left.toNanos(), untilTick()))) {
                return false;
            }
            tick(Phase.WAIT);
            left = Duration.between(Instant.now(), config.schedule().startAt());    // the wall clock, re-read: it may be stepped
        }
        return true;
    }

    /** Waits until the deadline, until every loop has run out of work or until a stop request, ticking meanwhile. */
    private void runUntil(long deadlineNanos, Phase phase) throws LoadException, InterruptedException {
        while (true) {
            long leftNanos = deadlineNanos - System.nanoTime();
            if (leftNanos <= 0 || control.awaitLoopsDone(Math.min(leftNanos, untilTick()))) {
                return;
            }
            tick(phase);
        }
    }

    private void checkNotStalled(long repliesThisTick, long nowNanos) throws LoadException {
        if (repliesThisTick > 0 || !config.schedule().counted()) {
            lastReplyNanos = nowNanos;
        } else if (nowNanos - lastReplyNanos > config.timeouts().stall().toNanos()) {
            // Replies owed by a server that serves fewer connections at once (serial, pool) would never come.
            throw new LoadException("no reply from " + config.target() + " for " + Durations.format(config.timeouts().stall())
                    + " with messages still owed (does the server serve fewer connections at once than --connections?)");
        }
    }

    /** Until the next interval is due, or the next progress report when intervals are longer than its second. */
    private long untilTick() {
        long next = intervalNanos > PROGRESS_NANOS ? Math.min(nextTickNanos, nextProgressNanos) : nextTickNanos;
        return Math.max(0, next - System.nanoTime());
    }

    private void tick(Phase phase) throws LoadException {
        for (LoadLoop loop : loops) {
            if (loop.failure() != null) {
                throw new LoadException("an I/O thread failed: " + loop.failure());
            }
        }
        long nowNanos = System.nanoTime();
        boolean collected = nowNanos >= nextTickNanos;
        if (collected) {
            collectInterval(phase, nowNanos);
        }
        // With intervals of a second or less, progress comes with the first interval collected after its second is up,
        // so its rate and p99 include that interval, as they did when both were one tick.
        if (nowNanos >= nextProgressNanos && (collected || intervalNanos > PROGRESS_NANOS)) {
            nextProgressNanos = nowNanos + PROGRESS_NANOS;
            double p99Micros = collector.total().getTotalCount() == 0 ? 0 : collector.total().getValueAtPercentile(99) / 1e3;
            observer.progress(new LoadProgress(phase, (nowNanos - startNanos) / 1e9, control.connectionsUp(),
                    progressRate.take(), p99Micros));
        }
    }

    /** Replies completed by every I/O thread since the previous call, in any phase. */
    private long completedSinceLastCount() {
        long now = stats.stream().mapToLong(LoopStats::repliesPublished).sum();
        long since = now - completedAtLastCount;
        completedAtLastCount = now;
        return since;
    }

    /** Ends one interval: its latencies go to the observer and its count to the throughput log while measuring. */
    private void collectInterval(Phase phase, long nowNanos) throws LoadException {
        nextTickNanos = nowNanos + intervalNanos;
        Histogram interval = collector.collect();
        progressRate.add(completedSinceLastCount(), nowNanos);    // warm-up replies too: the progress line shows traffic
        if (phase == Phase.MEASURE) {
            observer.interval(interval);
            throughput.add(interval.getTotalCount(), nowNanos);
            checkNotStalled(interval.getTotalCount(), nowNanos);
        }
    }
}
