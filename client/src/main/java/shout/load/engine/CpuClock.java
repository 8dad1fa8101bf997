package shout.load.engine;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * The CPU time this process has used, so a report can tell when the client itself was the bottleneck.
 * Create it before opening connections: the JDK loads a native library for it on first use, which
 * fails once the process has run out of file descriptors.
 */
final class CpuClock {

    private static final System.Logger LOGGER = System.getLogger(CpuClock.class.getName());

    private final com.sun.management.OperatingSystemMXBean os;

    private CpuClock(com.sun.management.OperatingSystemMXBean os) {
        this.os = os;
    }

    /** A clock for this process: the JDK's precise one where there is one, else {@link ProcessHandle}'s. */
    static CpuClock forThisProcess() {
        try {
            if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean bean) {
                bean.getProcessCpuTime();
                return new CpuClock(bean);
            }
        } catch (LinkageError e) {
            LOGGER.log(System.Logger.Level.WARNING, "no precise process CPU clock, using ProcessHandle: {0}", e.getMessage());
        }
        return new CpuClock(null);
    }

    /** CPU nanoseconds used by this process (all threads, user and system), or -1 when the platform cannot tell. */
    long processCpuNanos() {
        if (os != null) {
            return os.getProcessCpuTime();
        }
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }
}
