package shout.compare.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import shout.compare.plan.Cell;
import shout.compare.plan.Target;
import shout.compare.result.CellResult;
import shout.compare.result.ServerCost;
import shout.load.LoadReport;
import shout.load.MarkedLatencies;
import shout.load.MessageShape;
import shout.server.Mode;

/** Measured cells for the report tests, made from the interval rates a load run would have reported. */
final class ReportCells {

    private ReportCells() {
    }

    /** A cell of {@code mode} at {@code connections} whose 0.1 s intervals ran at {@code rates} (msgs/s), its client 10% busy. */
    static CellResult measured(Mode mode, int connections, double... rates) {
        return measuredWithClientBusy(mode, connections, 0.1, rates);
    }

    /** The same with the load client's one thread busy {@code clientBound} (0 to 1) of the measured time. */
    static CellResult measuredWithClientBusy(Mode mode, int connections, double clientBound, double... rates) {
        return measuredAt(mode, connections, 0, clientBound, rates);
    }

    /** An open-loop cell offered {@code offered} msgs/s whose 0.1 s intervals ran at {@code rates}, its client 10% busy. */
    static CellResult offered(Mode mode, int connections, double offered, double... rates) {
        return measuredAt(mode, connections, offered, 0.1, rates);
    }

    private static CellResult measuredAt(Mode mode, int connections, double offered, double clientBound, double... rates) {
        return measuredAt(new Target.Server(mode), connections, 0, offered, clientBound, rates);
    }

    /** A settled cell of {@code mode} at {@code connections} that held {@code idle} idle connections beside them. */
    static CellResult withIdle(Mode mode, int connections, int idle) {
        return measuredAt(new Target.Server(mode), connections, idle, 0, 0.1, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000);
    }

    /**
     * A cell of a pool row with {@code --threads=THREADS} at {@code connections}, flat at {@code rate} msgs/s, with
     * {@code ideal} as its ideal: a cell of the pool-size lesson.
     */
    static CellResult pool(int threads, int connections, double rate, double ideal) {
        Target.Server pool = new Target.Server(Mode.POOL, "pool x" + threads, List.of("--threads=" + threads));
        return measuredAt(pool, connections, 0, 0, 0.1, rate, rate, rate, rate, rate, rate, rate, rate, rate, rate).withIdeal(ideal);
    }

    private static CellResult measuredAt(Target target, int connections, int idle, double offered, double clientBound,
                                         double... rates) {
        List<LoadReport.Interval> intervals = new ArrayList<>();
        long messages = 0;
        for (int i = 0; i < rates.length; i++) {
            long count = Math.round(rates[i] * 0.1);
            intervals.add(new LoadReport.Interval(i * 0.1, 0.1, count, rates[i]));
            messages += count;
        }
        double seconds = rates.length * 0.1;
        LoadReport load = new LoadReport(new LoadReport.Run("127.0.0.1:1", 1, false, 64, 1, null, "2026-11-30T00:00:00Z", false),
                new LoadReport.ConnectionCounts(connections, connections, 0),
                new LoadReport.Throughput(seconds, messages, messages / seconds, 1, 1, intervals),
                new LoadReport.Latency(100, 200, 300, 400, 500, 150), Map.of(), new LoadReport.Fairness(1, 1, 1, 0),
                new LoadReport.Client(clientBound * seconds, "nio", "test", "localhost"), null, null);
        Cell cell = new Cell(target, connections, new MessageShape(64, 1), Duration.ZERO,
                Duration.ofMillis(Math.round(seconds * 1000)), offered, idle);
        return CellResult.measured(cell, load, new ServerCost(70, 15, 0.5, 0.5e6 / messages, 12.5), null);
    }

    /** Ten flat intervals at about 100,000 msgs/s. */
    static CellResult settled(Mode mode, int connections) {
        return measured(mode, connections, 100_000, 101_000, 99_000, 100_500, 99_500, 100_000, 101_000, 99_000, 100_000, 100_000);
    }

    /** Ten intervals climbing from 20,000 to 90,000 msgs/s, as a JVM does while its JIT compiles. */
    static CellResult rising(Mode mode, int connections) {
        return measured(mode, connections, 20_000, 35_000, 48_000, 58_000, 66_000, 72_000, 78_000, 83_000, 87_000, 90_000);
    }

    /** Ten flat intervals at about 100,000 msgs/s with the load client busy 97% of the time. */
    static CellResult clientBound(Mode mode, int connections) {
        return measuredWithClientBusy(mode, connections, 0.97, 100_000, 101_000, 99_000, 100_500, 99_500, 100_000, 101_000, 99_000, 100_000, 100_000);
    }

    /** A settled cell whose 1% marked messages took 20.1 ms at p50 and 25 ms at p99, the others 3 ms and 19 ms. */
    static CellResult marked(Mode mode, int connections) {
        CellResult.Measured plain = (CellResult.Measured) settled(mode, connections);
        LoadReport load = plain.load();
        var marks = new MarkedLatencies(1, 10_000, 990_000, new LoadReport.Latency(20_100, 21_000, 25_000, 26_000, 27_000, 20_500),
                new LoadReport.Latency(3_000, 9_000, 19_000, 20_000, 21_000, 4_000), "", "");
        LoadReport marked = new LoadReport(load.run(), load.connections(), load.throughput(), load.latencyMicros(), load.errors(),
                load.fairness(), load.client(), load.settings(), load.latencyHistogramNanos(), load.openLoopTimes(), marks);
        return new CellResult.Measured(plain.id(), marked, plain.server(), plain.serverStartLine(), plain.steady(), plain.client(),
                plain.repeats(), plain.remarks());
    }

    static CellResult failed(Mode mode, int connections) {
        return CellResult.failed(new Cell(new Target.Server(mode), connections, new MessageShape(64, 1), Duration.ZERO,
                Duration.ofSeconds(1)), "boom");
    }
}
