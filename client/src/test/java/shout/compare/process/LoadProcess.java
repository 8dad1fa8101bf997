package shout.compare.process;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import shout.cli.Durations;
import shout.cli.ExitCode;
import shout.compare.plan.Cell;
import shout.compare.plan.CpuPinning;
import shout.load.LoadReport;

/**
 * A {@link LoadRunner} for tests: {@code shout load} as its own child process (pinned to the client CPUs), so a
 * comparison can show that the command-line client measures as compare's in-JVM engine does. The child writes
 * its report with {@code --json} to a temporary file that is read back into a {@link LoadReport}.
 * {@link ExitCode#OK} and {@link ExitCode#WRONG_BYTES} (counted in the report) are measurements; any other exit
 * fails the cell with the exit described and the client's last stderr line.
 */
public final class LoadProcess implements LoadRunner {

    /** Beyond warm-up + duration: JVM start, connecting, closing; generous, it only catches a hung client. */
    private static final Duration MARGIN = Duration.ofSeconds(60);

    private final ChildShout shout;
    private final CpuPinning pinning;
    private final LiveChildren children;
    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public LoadProcess(ChildShout shout, CpuPinning pinning, LiveChildren children) {
        this.shout = shout;
        this.pinning = pinning;
        this.children = children;
    }

    @Override
    public LoadReport run(Cell cell, String host, int port) throws CellFailure, IOException, InterruptedException {
        Path report = Files.createTempFile("shout-load-", ".json");
        Path errors = Files.createTempFile("shout-load-", ".err");
        try {
            int exitCode = runClient(arguments(cell, host, port, report), errors, cell.warmup().plus(cell.duration()).plus(MARGIN));
            if (!isMeasurement(exitCode)) {
                throw new CellFailure("load client " + ExitCode.describe(exitCode) + ": " + lastLine(errors));
            }
            return json.readValue(report.toFile(), LoadReport.class);
        } finally {
            Files.deleteIfExists(report);
            Files.deleteIfExists(errors);
        }
    }

    private int runClient(List<String> args, Path errors, Duration timeout) throws IOException, InterruptedException, CellFailure {
        Process client = children.track(new ProcessBuilder(shout.command(pinning.clientPrefix(), args))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(errors.toFile())
                .start());
        try {
            if (!client.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new CellFailure("load client did not finish within " + timeout.toSeconds() + " s");
            }
            return client.exitValue();
        } finally {
            if (client.isAlive()) {
                LiveChildren.kill(client);
            }
        }
    }

    /** True when the client ran its load and wrote a report: every byte right, or wrong bytes counted in it. */
    static boolean isMeasurement(int exitCode) {
        ExitCode exit = ExitCode.of(exitCode);
        return exit == ExitCode.OK || exit == ExitCode.WRONG_BYTES;
    }

    private static List<String> arguments(Cell cell, String host, int port, Path report) {
        List<String> args = new ArrayList<>(List.of("load", "--host", host, "--port", Integer.toString(port),
                "--connections", Integer.toString(cell.connections()), "--idle", Integer.toString(cell.idleConnections()), "--size", Integer.toString(cell.shape().sizeBytes()),
                "--pipeline", Integer.toString(cell.shape().pipeline()), "--expect", cell.target().expect().cliName(), "--duration", Durations.format(cell.duration()),
                "--warmup", Durations.format(cell.warmup()), "--interval", Durations.format(cell.throughputInterval()),
                "--rate", BigDecimal.valueOf(cell.offeredMessagesPerSecond()).toPlainString(), "--quiet", "--json", report.toString()));
        if (cell.shape().mark().any()) {
            args.addAll(List.of("--mark", cell.shape().mark().toString()));
        }
        return args;
    }

    private static String lastLine(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "(nothing on stderr)" : lines.getLast().strip();
    }
}
