package shout.load.engine;

import java.time.Instant;
import java.util.List;
import shout.load.LoadReport;

/**
 * What the coordinator measured besides the counters: when the run started, how long the measured
 * part lasted, the client's CPU time in it, its throughput per interval, and whether a stop request
 * ended the run early (then the measured part is shorter than planned, or 0 when it never began).
 */
record Measurement(Instant start, long nanos, long cpuNanos, List<LoadReport.Interval> intervals, boolean interrupted) {
}
