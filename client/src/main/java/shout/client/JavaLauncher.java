package shout.client;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the command line of a child {@code shout} process: this very JVM binary and class path, so every
 * server and load client runs the same code on the same JDK with the same flags (none).
 *
 * @param javaBinary the {@code java} executable
 * @param classPath  the class path holding {@link ShoutMain} (the jar, or Surefire's class path jar)
 */
record JavaLauncher(String javaBinary, String classPath) {

    /** The launcher for the JVM running now. */
    static JavaLauncher current() {
        return new JavaLauncher(ProcessHandle.current().info().command().orElse("java"),
                System.getProperty("java.class.path"));
    }

    /** {@code [prefix...] java -cp CP shout.client.ShoutMain args...}; the prefix is e.g. a {@code taskset} call. */
    List<String> shout(List<String> prefix, List<String> args) {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(javaBinary, "-cp", classPath, ShoutMain.class.getName()));
        command.addAll(args);
        return command;
    }
}
