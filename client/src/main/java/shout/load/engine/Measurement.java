package shout.load.engine;

import java.time.Instant;
import java.util.List;
import shout.load.LoadReport;

/**
 * What the coordinator measured besides the counters: when the run started, how long the measured
 * part lasted, the client's CPU time in it, and its throughput per interval.
 */
record Measurement(Instant start, long nanos, long cpuNanos, List<LoadReport.Interval> intervals) {
}
