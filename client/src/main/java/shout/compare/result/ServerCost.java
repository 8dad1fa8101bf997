package shout.compare.result;

/**
 * What a server process cost during one cell, read from {@code /proc/<pid>}.
 *
 * @param peakResidentMiB          peak resident memory (VmHWM) in MiB during the cell: the kernel's peak is reset as the
 *                                 cell starts (where it allows; else since the process started). A server serves its
 *                                 row's earlier cells too, and a JVM keeps the heap it grew for them, so this is at least
 *                                 what it kept
 * @param peakThreads              the most threads seen in any sample during the cell
 * @param cpuSeconds               user + system CPU time the process used during the measured part, warm-up excluded
 * @param cpuMicrosPerMessage      {@code cpuSeconds} per message measured, in µs; null when none was
 * @param residentKiBPerConnection resident memory (VmRSS) as the measured part began minus before the cell's load
 *                                 connected, per connection up, in KiB; null when none was up. It may be negative when a
 *                                 collector returned memory meanwhile
 */
public record ServerCost(double peakResidentMiB, int peakThreads, double cpuSeconds, Double cpuMicrosPerMessage,
                         Double residentKiBPerConnection) {
}
