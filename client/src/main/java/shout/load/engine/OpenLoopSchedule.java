package shout.load.engine;

/**
 * The open loop's timetable: connection {@code i} of {@code n} sends message {@code m} at
 * {@code start + i*interval/n + m*interval}, so the whole run sends at an even total rate whatever
 * the server does, and latency counts from this time, not from when the client got round to sending
 * (no coordinated omission). Immutable; shared by all I/O threads.
 */
final class OpenLoopSchedule {

    private final RunControl control;
    private final long intervalNanos;
    private final int connections;

    OpenLoopSchedule(RunControl control, long intervalNanos, int connections) {
        this.control = control;
        this.intervalNanos = intervalNanos;
        this.connections = connections;
    }

    /** When message {@code message} of connection {@code connection} is due, on the {@link System#nanoTime} clock. */
    long sendNanos(int connection, long message) {
        return control.trafficStartNanos() + offsetNanos(connection) + message * intervalNanos;
    }

    private long offsetNanos(int connection) {
        return (long) ((double) intervalNanos * connection / connections);
    }
}
