package shout.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes one comparison into a fresh {@code OUT/<timestamp>/} directory: {@code results.json} (every figure),
 * the charts, and {@code report.md} (the facts of the machine, the table, the charts).
 */
final class ResultsWriter {

    private static final DateTimeFormatter DIRECTORY_NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private ResultsWriter() {
    }

    /** Writes everything and returns the path of {@code report.md}. */
    static Path write(Path outDir, CompareResult result, String table) throws IOException {
        Path dir = freshDirectory(outDir, OffsetDateTime.parse(result.machine().date()).format(DIRECTORY_NAME));
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("results.json").toFile(), result);
        List<Path> charts = ChartWriter.write(dir, result.cells());
        Path report = dir.resolve("report.md");
        Files.writeString(report, report(result, table, charts), StandardCharsets.UTF_8);
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

    private static String report(CompareResult result, String table, List<Path> charts) {
        MachineInfo machine = result.machine();
        CompareResult.Settings settings = result.settings();
        StringBuilder text = new StringBuilder("# shout compare, " + machine.date() + "\n\n")
                .append("- command: `").append(result.commandLine()).append("`\n")
                .append("- machine: ").append(machine.cores()).append(" cores, ")
                .append(machine.memoryMiB() < 0 ? "memory unknown" : machine.memoryMiB() + " MiB").append(", ")
                .append(machine.os()).append('\n')
                .append("- JDK: ").append(machine.jdk()).append('\n')
                .append("- pinning: ").append(result.pinning()).append('\n')
                .append("- each cell: ").append(settings.sizeBytes()).append("-byte messages, pipeline ")
                .append(settings.pipeline()).append(", ").append(settings.warmupSeconds()).append(" s warm-up, ")
                .append(settings.durationSeconds()).append(" s measured; a fresh server process per cell")
                .append(settings.serverArgs().isEmpty() ? "" : ", server args " + settings.serverArgs()).append('\n')
                .append(String.format(java.util.Locale.ROOT, "- all cells took %.0f s%n", result.wallSeconds()))
                .append("- CPU s is the server's user + system time over warm-up and measurement; RSS is its peak (VmHWM)\n")
                .append("- starved: connections that completed no message; latency covers only the messages that completed\n\n")
                .append(table).append('\n');
        for (Path chart : charts) {
            if (chart.toString().endsWith(".png")) {
                String name = chart.getFileName().toString();
                text.append("![").append(name).append("](").append(name).append(")\n");
            }
        }
        return text.toString();
    }
}
