package shout.client;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/** The CPU time this process has used so far, so a report can tell when the client itself was the bottleneck. */
final class CpuClock {

    private CpuClock() {
    }

    /** CPU nanoseconds used by this process (all threads, user and system), or -1 when the platform cannot tell. */
    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }
}
