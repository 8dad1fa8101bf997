package shout.server.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code shout server --processes K}: K server processes of one mode sharing one port through
 * SO_REUSEPORT, so the kernel spreads connections over them. This process only supervises: it starts
 * the children (the first picks the port, the others join it), prints one start line for the group,
 * relays each child's closing line, and stops them all together. One relay thread per child, named.
 */
final class ProcessGroup implements AutoCloseable {

    private static final Pattern START_LINE = Pattern.compile("listening on (\\S+):(\\d+) (.*)");

    private final List<Process> children = new ArrayList<>();
    private final List<Thread> relays = new ArrayList<>();

    /** A started child: its process, its stdout, and what its start line said. */
    private record Child(Process process, BufferedReader out, int port, String description) {
    }

    /**
     * Starts {@code count} children from {@code childArgs(port)} (port 0 for the first), prints the
     * group's start line, and returns the group; closing it stops every child.
     */
    static ProcessGroup start(int count, int firstPort, java.util.function.IntFunction<List<String>> childArgs,
                              String host, PrintWriter out) throws IOException {
        ProcessGroup group = new ProcessGroup();
        try {
            Child first = group.spawn(childArgs.apply(firstPort), 0, out);
            for (int i = 1; i < count; i++) {
                group.spawn(childArgs.apply(first.port()), i, out);
            }
            out.println("listening on " + ServerMain.hostPort(host, first.port()) + " " + first.description() + " processes=" + count);
            out.flush();
            return group;
        } catch (IOException | RuntimeException e) {
            group.close();
            throw e;
        }
    }

    private Child spawn(List<String> args, int index, PrintWriter out) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-cp", System.getProperty("java.class.path"),
                ServerMain.class.getName()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        children.add(process);
        BufferedReader lines = process.inputReader(StandardCharsets.UTF_8);
        String startLine = lines.readLine();
        Matcher started = START_LINE.matcher(String.valueOf(startLine));
        if (!started.matches()) {
            throw new IOException("server process " + index + " did not start (it said: " + startLine + ")");
        }
        Thread relay = Thread.ofPlatform().name("server-process-" + index + "-relay").start(() -> relay(lines, index, out));
        relays.add(relay);
        return new Child(process, lines, Integer.parseInt(started.group(2)), started.group(3));
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
            System.getLogger(ProcessGroup.class.getName()).log(System.Logger.Level.WARNING,
                    "lost the output of server process {0}: {1}", index, e.toString());
        }
    }

    /** Counts {@code stop} down as soon as any child exits on its own (which ends the group too). */
    void onAnyExit(java.util.concurrent.CountDownLatch stop) {
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
                clean &= child.exitValue() == 0;
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

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
