package shout.cli;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * How every shout process starts another one (compare its servers and load clients, {@code --processes}
 * its group): this very JVM binary and class path with {@link #JVM_FLAGS}, so every child runs the same
 * code on the same JDK with the same flags. A JVM told how many CPUs to size itself for passes that on to
 * its children too: a compare server started unpinned and pinned later keeps its group sized for its CPUs.
 *
 * @param javaBinary the {@code java} executable
 * @param classPath  the class path holding the main classes (the jar, or Surefire's class path)
 * @param flags      JVM flags every child gets, {@link #JVM_FLAGS} first
 */
public record ChildJvm(String javaBinary, String classPath, List<String> flags) {

    /** What the jar's manifest grants under {@code -jar}: native transports and the epoll engine load without a warning. */
    public static final List<String> JVM_FLAGS = List.of("--enable-native-access=ALL-UNNAMED");

    /** The JVM flag that sizes a JVM (GC, JIT and pool threads, {@code availableProcessors}) for that many CPUs. */
    private static final String CPU_COUNT_FLAG = "-XX:ActiveProcessorCount=";

    /**
     * Flags of this JVM that its children get too: the CPU count, and the launcher's periodic trim of the C
     * library's heap (the {@code shout} script decides whether this JDK has it), so that a server compare starts
     * holds what a server the launcher starts holds.
     */
    private static final List<String> INHERITED_FLAGS = List.of(CPU_COUNT_FLAG, "-XX:TrimNativeHeapInterval=");

    public ChildJvm {
        flags = List.copyOf(flags);
    }

    /** With {@link #JVM_FLAGS} only. */
    public ChildJvm(String javaBinary, String classPath) {
        this(javaBinary, classPath, JVM_FLAGS);
    }

    /** The launcher for the JVM running now, with those of its flags that children inherit. */
    public static ChildJvm current() {
        return new ChildJvm(ProcessHandle.current().info().command().orElse("java"), System.getProperty("java.class.path"),
                flagsInheritedFrom(ManagementFactory.getRuntimeMXBean().getInputArguments()));
    }

    /** {@link #JVM_FLAGS}, then those of a JVM's {@code inputArguments} that its children inherit, in their order. */
    static List<String> flagsInheritedFrom(List<String> inputArguments) {
        List<String> flags = new ArrayList<>(JVM_FLAGS);
        inputArguments.stream().filter(arg -> INHERITED_FLAGS.stream().anyMatch(arg::startsWith)).forEach(flags::add);
        return flags;
    }

    /** This launcher with children sized for {@code cpus} CPUs, whatever CPUs they may use while they start. */
    public ChildJvm sizedFor(int cpus) {
        List<String> sized = new ArrayList<>(flags.stream().filter(flag -> !flag.startsWith(CPU_COUNT_FLAG)).toList());
        sized.add(CPU_COUNT_FLAG + cpus);
        return new ChildJvm(javaBinary, classPath, sized);
    }

    /** {@code [prefix...] java FLAGS -cp CP mainClass args...}; the prefix is e.g. a {@code taskset} call. */
    public List<String> command(List<String> prefix, Class<?> mainClass, List<String> args) {
        List<String> command = new ArrayList<>(prefix);
        command.add(javaBinary);
        command.addAll(flags);
        command.addAll(List.of("-cp", classPath, mainClass.getName()));
        command.addAll(args);
        return command;
    }
}
