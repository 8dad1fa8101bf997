package shout.compare.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One reading of a Linux process's figures.
 *
 * @param peakResidentKiB VmHWM from {@code status}: the resident-memory peak since the process started
 * @param residentKiB     VmRSS from {@code status}: the resident memory now
 * @param threads         Threads from {@code status}
 * @param cpuTicks        utime + stime from {@code stat}, in clock ticks
 */
public record ProcStat(long peakResidentKiB, long residentKiB, int threads, long cpuTicks) {

    /**
     * Reads process {@code pid} and adds every descendant it has now (the processes of {@code --processes K}),
     * so that a group costs what all its processes cost; peaks are summed per process. A descendant that
     * exits while being read is left out.
     */
    static ProcStat readTree(long pid) throws IOException {
        return readAll(tree(pid));
    }

    /**
     * Process {@code pid} and its descendants now, {@code pid} first. Finding descendants reads every process on the
     * machine, which takes milliseconds: a caller that reads often finds the tree seldom ({@link ProcSampler}).
     */
    static List<Long> tree(long pid) {
        List<Long> tree = new ArrayList<>(List.of(pid));
        ProcessHandle.of(pid).ifPresent(p -> p.descendants().forEach(child -> tree.add(child.pid())));
        return tree;
    }

    /** Reads the processes {@code pids} and adds them up; the first must be there, any other that is gone is left out. */
    static ProcStat readAll(List<Long> pids) throws IOException {
        ProcStat total = read(procDir(pids.get(0)));
        for (long child : pids.subList(1, pids.size())) {
            try {
                total = total.plus(read(procDir(child)));
            } catch (IOException e) {
                System.getLogger(ProcStat.class.getName()).log(System.Logger.Level.DEBUG, "child {0} gone: {1}", child, e.toString());
            }
        }
        return total;
    }

    /**
     * Resets the resident-memory peak (VmHWM) of process {@code pid} and its descendants to their resident memory
     * now ({@code 5} into {@code clear_refs}, Linux 4.0+), so that the next peak is that of what follows. Best
     * effort: returns false when the kernel did not allow it, and the peak then counts from the process's start.
     */
    static boolean resetPeaks(long pid) {
        boolean all = true;
        for (long each : tree(pid)) {
            try {
                Files.writeString(procDir(each).resolve("clear_refs"), "5");
            } catch (IOException e) {
                System.getLogger(ProcStat.class.getName()).log(System.Logger.Level.DEBUG, "cannot reset the peak of {0}: {1}", each, e.toString());
                all = false;
            }
        }
        return all;
    }

    private static Path procDir(long pid) {
        return Path.of("/proc", Long.toString(pid));
    }

    private ProcStat plus(ProcStat other) {
        return new ProcStat(peakResidentKiB + other.peakResidentKiB, residentKiB + other.residentKiB, threads + other.threads,
                cpuTicks + other.cpuTicks);
    }

    /** Reads {@code procDir/status} and {@code procDir/stat}. */
    static ProcStat read(Path procDir) throws IOException {
        long peakKiB = 0;
        long residentKiB = 0;
        int threads = 0;
        for (String line : Files.readAllLines(procDir.resolve("status"))) {
            if (line.startsWith("VmHWM:")) {
                peakKiB = digits(line, 0);
            } else if (line.startsWith("VmRSS:")) {
                residentKiB = digits(line, 0);
            } else if (line.startsWith("Threads:")) {
                threads = (int) digits(line, 0);
            }
        }
        return new ProcStat(peakKiB, residentKiB, threads, cpuTicks(Files.readString(procDir.resolve("stat"))));
    }

    /**
     * utime + stime (fields 14 and 15) of a {@code stat} line; the command name in parentheses may hold spaces.
     * Parsed by hand, like the {@code status} lines: the sampler runs this ten times a second, too seldom for the JIT
     * to compile it, on the load client's core, and interpreted regular expressions took a millisecond a sample.
     */
    public static long cpuTicks(String statLine) {
        int at = statLine.lastIndexOf(')') + 2;                 // field 3 (state) starts here
        for (int field = 3; field < 14; field++) {
            at = statLine.indexOf(' ', at) + 1;
        }
        int stime = statLine.indexOf(' ', at) + 1;
        return digits(statLine, at) + digits(statLine, stime);
    }

    /** The whole number made of the first run of digits in {@code text} from {@code from} on; 0 when there is none. */
    private static long digits(String text, int from) {
        int i = from;
        while (i < text.length() && !Character.isDigit(text.charAt(i))) {
            i++;
        }
        long value = 0;
        for (; i < text.length() && Character.isDigit(text.charAt(i)); i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }

    /** {@code getconf CLK_TCK}, or 100 (the Linux default) when it cannot be asked. */
    public static long clockTicksPerSecond() throws InterruptedException {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String answer;
            try (var output = getconf.getInputStream()) {
                answer = new String(output.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).strip();
            }
            return getconf.waitFor() == 0 && answer.matches("\\d+") ? Long.parseLong(answer) : 100;
        } catch (IOException e) {
            System.getLogger(ProcStat.class.getName()).log(System.Logger.Level.DEBUG, "getconf CLK_TCK: {0}; assuming 100", e.toString());
            return 100;
        }
    }
}
