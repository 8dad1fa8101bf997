package shout.server.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import shout.cli.ChildJvm;
import shout.cli.ExitCode;
import shout.cli.StartLine;
import shout.server.metrics.MetricsEndpoint;

/**
 * {@code shout server --processes K}: K server processes of one mode sharing one port through
 * SO_REUSEPORT, so the kernel spreads connections over them. This process only supervises: it starts
 * the children through {@link ChildJvm} (the first picks the port, the others join it), prints one
 * start line for the group (naming every child's metrics endpoint, as each child serves its own),
 * relays each child's closing line, and stops them all together. One relay thread per child, named.
 */
final class ProcessGroup implements AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(ProcessGroup.class.getName());

    private final List<Process> children = new ArrayList<>();
    private final List<Thread> relays = new ArrayList<>();

    /** The command line of child {@code index}, which joins {@code port} (0 for the first child: it picks the port). */
    interface ChildArgs {
        List<String> of(int index, int port);
    }

    /**
     * Starts {@code count} children from {@code childArgs}, prints the group's start line, and returns
     * the group; closing it stops every child.
     */
    static ProcessGroup start(int count, int firstPort, ChildArgs childArgs, PrintWriter out) throws IOException {
        ProcessGroup group = new ProcessGroup();
        try {
            List<StartLine> started = new ArrayList<>(List.of(group.spawn(childArgs.of(0, firstPort), 0, out)));
            for (int i = 1; i < count; i++) {
                started.add(group.spawn(childArgs.of(i, started.getFirst().port()), i, out));
            }
            out.println(groupStartLine(started));
            out.flush();
            return group;
        } catch (IOException | RuntimeException e) {
            group.close();
            throw e;
        }
    }

    /** The first child's start line with the group's size, and every child's metrics URL (comma-separated) if they serve metrics. */
    private static StartLine groupStartLine(List<StartLine> started) {
        StartLine line = started.getFirst().with("processes", "" + started.size());
        List<String> metrics = started.stream().flatMap(child -> child.value(MetricsEndpoint.START_LINE_KEY).stream()).toList();
        return metrics.isEmpty() ? line : line.with(MetricsEndpoint.START_LINE_KEY, String.join(",", metrics));
    }

    /** Starts one child and returns once it printed its start line; a relay thread then carries its later lines. */
    private StartLine spawn(List<String> args, int index, PrintWriter out) throws IOException {
        List<String> command = ChildJvm.current().command(List.of(), ServerMain.class, args);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        children.add(process);
        BufferedReader lines = process.inputReader(StandardCharsets.UTF_8);
        String said = lines.readLine();
        StartLine started = StartLine.parse(said).orElseThrow(() ->
                new IOException("server process " + index + " did not start (it said: " + said + ")"));
        Thread relay = Thread.ofPlatform().name("server-process-" + index + "-relay").start(() -> relay(lines, index, out));
        relays.add(relay);
        return started;
    }

    private static void relay(BufferedReader lines, int index, PrintWriter out) {
        try (lines) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                synchronized (out) {
                    out.println("process " + index + " " + line);
                    out.flush();
                }
            }
        } catch (IOException e) {
            LOGGER.log(System.Logger.Level.WARNING, "lost the output of server process {0}: {1}", index, e.toString());
        }
    }

    /** Counts {@code stop} down as soon as any child exits on its own (which ends the group too). */
    void onAnyExit(CountDownLatch stop) {
        children.forEach(child -> child.onExit().thenRun(stop::countDown));
    }

    /** Asks every child to stop gracefully (SIGTERM) and waits up to {@code timeoutSeconds}; true if all exited 0. */
    boolean stop(long timeoutSeconds) throws InterruptedException {
        children.forEach(child -> child.toHandle().destroy());
        boolean clean = true;
        for (Process child : children) {
            if (!child.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                child.destroyForcibly();
                clean = false;
            } else {
                clean &= child.exitValue() == ExitCode.OK.code();
            }
        }
        for (Thread relay : relays) {
            relay.join(TimeUnit.SECONDS.toMillis(5));
        }
        return clean;
    }

    @Override
    public void close() {
        children.forEach(Process::destroyForcibly);
    }
}
