package shout.compare.process;

import shout.app.ShoutMain;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the command line of a child {@code shout} process: this very JVM binary and class path, so every
 * server and load client runs the same code on the same JDK with the same flags: {@link #JVM_FLAGS} only.
 *
 * @param javaBinary the {@code java} executable
 * @param classPath  the class path holding {@link ShoutMain} (the jar, or Surefire's class path jar)
 */
public record JavaLauncher(String javaBinary, String classPath) {

    /** What the jar's manifest grants under {@code -jar}: Netty's native transports load without a warning. */
    static final List<String> JVM_FLAGS = List.of("--enable-native-access=ALL-UNNAMED");

    /** The launcher for the JVM running now. */
    public static JavaLauncher current() {
        return new JavaLauncher(ProcessHandle.current().info().command().orElse("java"),
                System.getProperty("java.class.path"));
    }

    /** {@code [prefix...] java -cp CP shout.app.ShoutMain args...}; the prefix is e.g. a {@code taskset} call. */
    public List<String> shout(List<String> prefix, List<String> args) {
        List<String> command = new ArrayList<>(prefix);
        command.add(javaBinary);
        command.addAll(JVM_FLAGS);
        command.addAll(List.of("-cp", classPath, ShoutMain.class.getName()));
        command.addAll(args);
        return command;
    }
}
