package shout.compare.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import shout.cli.ExitCode;
import shout.cli.StartLine;

/**
 * One {@code shout server} child process: started, its start line awaited, stopped with SIGTERM. Two named
 * threads drain its stdout and stderr (so it never blocks on a full pipe); the stdout one reads the port
 * from the start line, the stderr one keeps the last line as the reason when the server dies.
 */
public final class SpawnedServer implements AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(SpawnedServer.class.getName());
    private static final Duration READER_JOIN = Duration.ofSeconds(2);

    private final Process process;
    private final LiveChildren children;
    private final CompletableFuture<Integer> port = new CompletableFuture<>();
    private final AtomicReference<String> startLine = new AtomicReference<>();
    private final AtomicReference<String> lastOutputLine = new AtomicReference<>("");
    private final AtomicReference<String> lastErrorLine = new AtomicReference<>("");
    private final Thread outputReader;
    private final Thread errorReader;

    private SpawnedServer(Process process, String name, LiveChildren children) {
        this.process = process;
        this.children = children;
        this.outputReader = Thread.ofPlatform().name(name + "-stdout").start(() -> drain(process.inputReader(StandardCharsets.UTF_8), this::onOutputLine));
        this.errorReader = Thread.ofPlatform().name(name + "-stderr").start(() -> drain(process.errorReader(StandardCharsets.UTF_8), this::onErrorLine));
    }

    /** Starts {@code command}; {@code name} names the reader threads (e.g. {@code server-virtual}). */
    public static SpawnedServer start(List<String> command, String name, LiveChildren children) throws IOException {
        return new SpawnedServer(children.track(new ProcessBuilder(command).start()), name, children);
    }

    public long pid() {
        return process.pid();
    }

    /** Waits for the start line and returns the port it names; fails when the server exits first or is too slow. */
    public int awaitPort(Duration timeout) throws CellFailure, InterruptedException {
        try {
            return port.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new CellFailure("server printed no start line within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            process.waitFor(READER_JOIN.toMillis(), TimeUnit.MILLISECONDS);
            errorReader.join(READER_JOIN);
            String exit = process.isAlive() ? "" : ", " + ExitCode.describe(process.exitValue());
            throw new CellFailure("server exited before listening" + exit + ": " + lastErrorLine.get());
        }
    }

    /**
     * Pins the server, and any process it started ({@code --processes}), to {@code cpus}: a server starts on every
     * CPU, so that several starting at once do not queue on the one they are measured on. Returns null, or why not.
     */
    public String pinTo(String cpus) throws InterruptedException {
        return Taskset.pinTree(process.pid(), cpus);
    }

    /** True while the server process runs. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Why the server is gone, once it exited: {@code exit code 1 (could not run): <its last stderr line>}. */
    public String exitReason() throws InterruptedException {
        process.waitFor();
        errorReader.join(READER_JOIN);
        return ExitCode.describe(process.exitValue()) + ": " + lastErrorLine.get();
    }

    /** Sends SIGTERM (unless an interrupted run already did) and returns at once; {@link #stop} then waits. */
    public void requestStop() {
        children.terminate(process);
    }

    /**
     * Sends SIGTERM (unless an interrupted run already did), waits up to {@code timeout} for a graceful stop
     * (else kills it) and returns a note for the cell when the stop was not clean, or null.
     */
    public String stop(Duration timeout) throws InterruptedException {
        children.terminate(process);
        boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!exited) {
            LiveChildren.kill(process);
        }
        outputReader.join(READER_JOIN);
        errorReader.join(READER_JOIN);
        if (!exited) {
            return "server killed: no graceful stop within " + timeout.toSeconds() + " s";
        }
        int code = process.exitValue();
        return code == ExitCode.OK.code() ? null : "server " + ExitCode.describe(code) + ": " + lastErrorLine.get();
    }

    /** The server's last stdout line, after {@link #stop}: its closing counters. */
    public String lastOutputLine() {
        return lastOutputLine.get();
    }

    /** The server's start line ({@code listening on ...}), or null before it came. */
    public String startLine() {
        return startLine.get();
    }

    /** Kills the process if it still runs (a cell that failed midway). Safe after {@link #stop}. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            LiveChildren.kill(process);
        }
        outputReader.join(READER_JOIN);
        errorReader.join(READER_JOIN);
    }

    private void onOutputLine(String line) {
        lastOutputLine.set(line);
        if (!port.isDone()) {
            StartLine.parse(line).ifPresent(started -> {
                startLine.set(line);
                port.complete(started.port());
            });
        }
    }

    private void onErrorLine(String line) {
        if (!line.isBlank()) {
            lastErrorLine.set(line.strip());
        }
        LOGGER.log(System.Logger.Level.DEBUG, "server {0}: {1}", process.pid(), line);
    }

    private void drain(BufferedReader lines, Consumer<String> onLine) {
        try (lines) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                onLine.accept(line);
            }
        } catch (IOException e) {
            LOGGER.log(System.Logger.Level.WARNING, "lost the output of server {0}: {1}", process.pid(), e.toString());
        } finally {
            port.completeExceptionally(new IOException("server output ended"));
        }
    }
}
