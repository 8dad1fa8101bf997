package shout.server.metrics;

/**
 * What tells one server's counters from another's: its mode, and its index in a {@code --processes}
 * group (0 for a lone server). Every metric carries both as labels, and the stats line starts with them.
 *
 * @param mode    the mode as the command line spells it: {@code nio}
 * @param process the process's index in its group, from 0
 */
public record MetricLabels(String mode, int process) {

    static final String[] NAMES = {"mode", "process"};

    /** The label values, in the order of {@link #NAMES}. */
    String[] values() {
        return new String[] {mode, Integer.toString(process)};
    }

    /** {@code mode=nio process=0}. */
    @Override
    public String toString() {
        return NAMES[0] + "=" + mode + " " + NAMES[1] + "=" + process;
    }
}
