package shout.compare.result;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * The facts that make a result comparable to another: where and when it was measured.
 *
 * @param cores       CPUs this JVM may use
 * @param memoryMiB   physical memory (MemTotal), or -1 when unknown
 * @param jdk         vendor, version and VM of the JDK every process ran on
 * @param os          name, version and architecture
 * @param date        when the run started, with offset
 */
public record MachineInfo(int cores, long memoryMiB, String jdk, String os, String date) {

    private static final System.Logger LOGGER = System.getLogger(MachineInfo.class.getName());

    /** This machine, now. */
    public static MachineInfo current() {
        return new MachineInfo(Runtime.getRuntime().availableProcessors(), totalMemoryMiB(),
                System.getProperty("java.vendor") + " " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }

    private static long totalMemoryMiB() {
        Path meminfo = Path.of("/proc/meminfo");
        try {
            if (Files.isReadable(meminfo)) {
                for (String line : Files.readAllLines(meminfo)) {
                    if (line.startsWith("MemTotal:")) {
                        return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                    }
                }
            }
        } catch (IOException e) {
            LOGGER.log(System.Logger.Level.DEBUG, "cannot read {0}: {1}", meminfo, e.toString());
        }
        return -1;
    }
}
