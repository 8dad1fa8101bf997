package shout.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * How every shout process starts another one (compare its servers and load clients, {@code --processes}
 * its group): this very JVM binary and class path with {@link #JVM_FLAGS}, so every child runs the same
 * code on the same JDK with the same flags.
 *
 * @param javaBinary the {@code java} executable
 * @param classPath  the class path holding the main classes (the jar, or Surefire's class path)
 */
public record ChildJvm(String javaBinary, String classPath) {

    /** What the jar's manifest grants under {@code -jar}: native transports and the epoll engine load without a warning. */
    public static final List<String> JVM_FLAGS = List.of("--enable-native-access=ALL-UNNAMED");

    /** The launcher for the JVM running now. */
    public static ChildJvm current() {
        return new ChildJvm(ProcessHandle.current().info().command().orElse("java"), System.getProperty("java.class.path"));
    }

    /** {@code [prefix...] java FLAGS -cp CP mainClass args...}; the prefix is e.g. a {@code taskset} call. */
    public List<String> command(List<String> prefix, Class<?> mainClass, List<String> args) {
        List<String> command = new ArrayList<>(prefix);
        command.add(javaBinary);
        command.addAll(JVM_FLAGS);
        command.addAll(List.of("-cp", classPath, mainClass.getName()));
        command.addAll(args);
        return command;
    }
}
