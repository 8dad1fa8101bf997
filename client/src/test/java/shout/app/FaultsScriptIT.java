package shout.app;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench/faults.sh --quick}: loss, a black hole and a killed server on a real veth between two network
 * namespaces, against the packaged jar. Every row of its table must show no wrong byte and every fault must
 * hold (exit 0). Skipped, with the reason, where namespaces or the tools are not to be had: not Linux, not
 * root, or iproute2, nftables, python3 or jq missing (the script installs nothing).
 */
@Timeout(300)
class FaultsScriptIT {

    private static final Path SCRIPT = Path.of("..", "bench", "faults.sh").toAbsolutePath().normalize();
    private static final Path JAR = Path.of("target", "shout.jar").toAbsolutePath();
    private static final List<String> TOOLS = List.of("ip", "tc", "nft", "ss", "python3", "jq");
    /** The script's exit code for missing privileges or tools, with its one-line reason on stderr. */
    private static final int CANNOT_RUN_HERE = 2;

    @TempDir
    Path dir;

    @Test
    void everyQuickFaultHoldsWithNoWrongByte() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux"), "network namespaces are Linux only");
        assumeTrue("0".equals(run("id", "-u").strip()), "not root: network namespaces need root");
        for (String tool : TOOLS) {
            assumeTrue(!run("sh", "-c", "command -v " + tool).isBlank(), tool + " is not installed (see bench/faults.sh --help)");
        }
        Path table = dir.resolve("stdout");
        Path err = dir.resolve("stderr");
        ProcessBuilder script = new ProcessBuilder(SCRIPT.toString(), "--quick").redirectOutput(table.toFile()).redirectError(err.toFile());
        script.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        script.environment().put("JAR", JAR.toString());
        Process faults = script.start();
        boolean finished = faults.waitFor(240, TimeUnit.SECONDS);
        if (!finished) {
            faults.destroy();                           // SIGTERM: its trap removes the namespaces and processes
            faults.waitFor(30, TimeUnit.SECONDS);
        }
        String out = Files.readString(table);
        String errors = Files.readString(err);
        assertTrue(finished, "bench/faults.sh --quick still running after 4 minutes: " + out + errors);
        assumeTrue(faults.exitValue() != CANNOT_RUN_HERE || !errors.contains("cannot create a network namespace"), errors.strip());
        assertEquals(0, faults.exitValue(), out + errors);
        List<String> rows = out.lines().filter(line -> line.startsWith("| ") && !line.startsWith("| fault")).toList();
        assertEquals(6, rows.size(), out);              // 3 faults x 2 modes
        for (String row : rows) {
            String[] cells = row.split("\\|");
            assertEquals("0", cells[6].strip(), "bytes wrong in " + row);
            assertEquals("yes", cells[15].strip(), "held in " + row);
        }
        assertTrue(out.contains("bytes wrong in all: 0; held: 6 of 6"), out);
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), UTF_8);
        process.waitFor();
        return output;
    }
}
