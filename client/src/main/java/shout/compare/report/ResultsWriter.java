package shout.compare.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import shout.compare.result.CompareResult;
import shout.compare.result.MachineInfo;

/**
 * Writes one comparison into a fresh {@code OUT/<timestamp>/} directory: {@code results.json} (every figure),
 * rewritten after each cell so that a run stopped any way keeps what it finished, and in the end the charts and
 * {@code report.md} (the facts of the machine, then per part its settings, table and charts). One thread.
 */
public final class ResultsWriter {

    private static final DateTimeFormatter DIRECTORY_NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    static final String RESULTS_JSON = "results.json";

    private final Path dir;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsWriter(Path dir) {
        this.dir = dir;
    }

    /** Creates {@code OUT/<timestamp>/} (with -2, -3... when it exists) for a run that started at ISO {@code date}. */
    public static ResultsWriter create(Path outDir, String date) throws IOException {
        return new ResultsWriter(freshDirectory(outDir, OffsetDateTime.parse(date).format(DIRECTORY_NAME)));
    }

    /** The run's own directory. */
    public Path directory() {
        return dir;
    }

    /**
     * Replaces {@code results.json} with {@code result} atomically (a temporary file renamed over it): whoever
     * reads it, or a run killed with SIGKILL, finds the previous version or this one, never half of one.
     */
    public void writeResults(CompareResult result) throws IOException {
        Path temp = Files.createTempFile(dir, "." + RESULTS_JSON + "-", ".tmp");
        try {
            json.writeValue(temp.toFile(), result);
            Files.move(temp, dir.resolve(RESULTS_JSON), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Writes {@code results.json}, the charts and {@code report.md}; returns the path of {@code report.md}. */
    public Path writeAll(CompareResult result) throws IOException {
        writeResults(result);
        StringBuilder text = header(result);
        List<CompareResult.Part> parts = result.parts();
        for (int i = 0; i < parts.size(); i++) {
            String prefix = parts.size() == 1 ? "" : "part" + (i + 1) + "-";
            text.append(section(parts.get(i), ChartWriter.write(dir, prefix, parts.get(i))));
        }
        Path report = dir.resolve("report.md");
        Files.writeString(report, text, StandardCharsets.UTF_8);
        return report;
    }

    private static Path freshDirectory(Path outDir, String name) throws IOException {
        Files.createDirectories(outDir);
        Path dir = outDir.resolve(name);
        for (int n = 2; Files.exists(dir); n++) {
            dir = outDir.resolve(name + "-" + n);
        }
        return Files.createDirectory(dir);
    }

    private static StringBuilder header(CompareResult result) {
        MachineInfo machine = result.machine();
        return new StringBuilder("# shout compare" + (result.scenario() == null ? "" : " --scenario " + result.scenario())
                + ", " + machine.date() + "\n\n")
                .append(result.interrupted() ? "- " + CompareProgress.interruption(result) + "\n" : "")
                .append("- command: `").append(result.commandLine()).append("`\n")
                .append("- machine: ").append(machine.cores()).append(" cores, ")
                .append(machine.memoryMiB() < 0 ? "memory unknown" : machine.memoryMiB() + " MiB").append(", ")
                .append(machine.os()).append('\n')
                .append("- JDK: ").append(machine.jdk()).append('\n')
                .append(String.format(Locale.ROOT, "- all cells took %.0f s%n", result.wallSeconds()))
                .append("- CPU s is the server's user + system time over the measured part only (not the warm-up); server us/msg "
                        + "is that per message, client us/msg the load client's own; on a cell marked client-bound (^) read these "
                        + "rather than msgs/s. server KiB/conn is the resident memory the cell's connections added (as measuring "
                        + "began, against before they connected). RSS is the server's peak (VmHWM) during the "
                        + "cell. One server serves every cell of its row, connection counts ascending, and keeps the memory it grew "
                        + "for the earlier ones (a JVM seldom gives heap back), so RSS is at least that of the largest count so far\n")
                .append("- starved: connections that completed no message; latency covers only the messages that completed\n");
    }

    /** A part: its heading and notes (scenarios only), pinning, cell settings, table and charts. */
    private static String section(CompareResult.Part part, List<Path> charts) {
        CompareResult.Settings.Cells cells = part.settings().cells();
        CompareResult.Settings.Servers servers = part.settings().servers();
        StringBuilder text = new StringBuilder(part.title() == null ? "" : "\n## " + part.title() + "\n\n");
        part.notes().forEach(note -> text.append(note).append('\n'));
        text.append(part.notes().isEmpty() ? "" : "\n")
                .append("- pinning: ").append(part.pinning()).append('\n')
                .append("- work: ").append(servers.work()).append(servers.offload() ? " (offloaded)" : "")
                .append(servers.idealRule() == null ? "" : "; ideal msgs/s = " + servers.idealRule()).append('\n')
                .append("- each cell: ").append(cells.sizeBytes()).append("-byte messages, pipeline ")
                .append(cells.pipeline()).append(", ").append(cells.warmupSeconds()).append(" s warm-up, ")
                .append(cells.durationSeconds()).append(" s measured")
                .append(cells.idleConnections() == 0 ? "" : String.format(Locale.ROOT,
                        ", %,d idle connections held open beside the cell's own (load --idle)", cells.idleConnections()))
                .append(cells.repeat() > 1 ? ", " + cells.repeat() + " times (the median, and min-max)" : "")
                .append("; one server process per row for all its cells, warmed up with ").append(cells.jitWarmupSeconds())
                .append(" s of load first")
                .append(servers.serverArgs().isEmpty() ? "" : ", server args " + servers.serverArgs()).append("\n\n")
                .append(part.capacity() == null ? "" : CapacityTable.render(part.capacity()) + "\n")
                .append(MarkdownTable.render(part.cells())).append('\n');
        for (Path chart : charts) {
            if (chart.toString().endsWith(".png")) {
                String name = chart.getFileName().toString();
                text.append("![").append(name).append("](").append(name).append(")\n");
            }
        }
        return text.toString();
    }
}
