package shout.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import shout.cli.ChildJvm;
import shout.cli.StartLine;
import shout.compare.process.ProcStat;

/**
 * A {@code shout server} process from the packaged jar (one file, so loading a class later needs no
 * new descriptor), optionally under a low open-file limit. Its stderr lines are collected; closing
 * it kills the process if it still runs.
 */
final class ServerProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target", "shout.jar").toAbsolutePath();

    private final Process process;
    private final BufferedReader out;
    private final List<String> errLines = new CopyOnWriteArrayList<>();
    private final Thread errCollector;
    private final int port;
    private final String startLine;

    private ServerProcess(Process process) throws IOException {
        this.process = process;
        this.out = process.inputReader(StandardCharsets.UTF_8);
        this.errCollector = Thread.ofPlatform().name("server-" + process.pid() + "-stderr").start(this::collectErr);
        String startLine = out.readLine();
        StartLine started = StartLine.parse(startLine).orElse(null);
        if (started == null) {
            close();
            throw new IOException("server did not start; it said: " + startLine + " " + errLines);
        }
        this.port = started.port();
        this.startLine = startLine;
    }

    /** Starts {@code shout server ARGS --port 0}; {@code openFileLimit} > 0 sets {@code ulimit -n} first. */
    static ServerProcess start(int openFileLimit, String... serverArgs) throws IOException {
        return start(openFileLimit > 0
                ? List.of("bash", "-c", "ulimit -n " + openFileLimit + " && exec \"$@\"", "bash") : List.of(), serverArgs);
    }

    /** Starts {@code [prefix...] shout server ARGS --port 0}: the prefix a command that runs the rest, such as taskset. */
    static ServerProcess start(List<String> prefix, String... serverArgs) throws IOException {
        List<String> args = new ArrayList<>(List.of("server", "--port", "0"));
        args.addAll(List.of(serverArgs));
        return new ServerProcess(new ProcessBuilder(shoutCommand(prefix, args)).start());
    }

    /** The command line of {@code [prefix...] java ... shout ARGS} from the packaged jar, on this JDK. */
    static List<String> shoutCommand(List<String> prefix, List<String> args) throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IOException(JAR + " is missing: run the package phase first");
        }
        ChildJvm jvm = new ChildJvm(Path.of(System.getProperty("java.home"), "bin", "java").toString(), JAR.toString());
        return jvm.command(prefix, ShoutMain.class, args);
    }

    int port() {
        return port;
    }

    /** The line the server printed when it started listening. */
    String startLine() {
        return startLine;
    }

    /** The stderr lines so far (the servers' one-line log). */
    List<String> errLines() {
        return List.copyOf(errLines);
    }

    /** A plain SIGTERM, leaving our pipes open ({@code Process.destroy()} would close them). */
    void sigterm() {
        process.toHandle().destroy();
    }

    /** A SIGINT, as Ctrl-C sends it. */
    void sigint() throws IOException, InterruptedException {
        if (new ProcessBuilder("kill", "-INT", "" + process.pid()).inheritIO().start().waitFor() != 0) {
            throw new IOException("kill -INT " + process.pid() + " failed");
        }
    }

    /** True when SIGINT is ignored in this server's process (inherited from a parent started without job control). */
    boolean sigintIgnored() throws IOException {
        return sigintIgnored(process);
    }

    /** True when SIGINT is ignored in {@code process} (inherited from a parent started without job control). */
    static boolean sigintIgnored(Process process) throws IOException {
        String ignored = Files.readAllLines(Path.of("/proc", "" + process.pid(), "status")).stream()
                .filter(line -> line.startsWith("SigIgn:")).findFirst().orElseThrow().substring("SigIgn:".length()).strip();
        return (Long.parseUnsignedLong(ignored, 16) & 1L << (2 - 1)) != 0;       // SIGINT is signal 2
    }

    /** Waits up to {@code seconds} for the exit; returns the exit code, or fails. */
    int awaitExit(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError("server still running " + seconds + "s later");
        }
        return process.exitValue();
    }

    /** The rest of stdout after the start line (call after the exit). */
    String remainingOut() throws IOException {
        return String.join("\n", out.lines().toList());
    }

    /** User plus system CPU time of the whole process so far, in clock ticks (1/100 s on Linux). */
    long cpuTicks() {
        try {
            return ProcStat.cpuTicks(Files.readString(Path.of("/proc", "" + process.pid(), "stat")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void collectErr() {
        try (BufferedReader err = process.errorReader(StandardCharsets.UTF_8)) {
            for (String line = err.readLine(); line != null; line = err.readLine()) {
                errLines.add(line);
            }
        } catch (IOException e) {
            errLines.add("(stderr lost: " + e + ")");
        }
    }

    @Override
    public void close() throws IOException {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
            errCollector.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.close();
    }
}
