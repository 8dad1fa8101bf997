package shout.compare.result;

/**
 * What a server process cost during one cell, read from {@code /proc/<pid>}.
 *
 * @param peakResidentMiB peak resident memory (VmHWM) in MiB since the process started
 * @param peakThreads     the most threads seen in any sample during the cell
 * @param cpuSeconds      user + system CPU time the process used during the cell, warm-up included
 */
public record ServerCost(double peakResidentMiB, int peakThreads, double cpuSeconds) {
}
