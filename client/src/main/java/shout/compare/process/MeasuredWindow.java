package shout.compare.process;

/**
 * When a load run measured, on this JVM's {@link System#nanoTime} clock: the warm-up before it and the closing after
 * it are outside.
 *
 * @param startNanos when the measured part began
 * @param endNanos   when it ended
 */
public record MeasuredWindow(long startNanos, long endNanos) {

    public MeasuredWindow {
        if (endNanos < startNanos) {
            throw new IllegalArgumentException("a window cannot end before it starts");
        }
    }

    /** The window of {@code seconds} that ended at {@code endNanos}. */
    public static MeasuredWindow endingAt(long endNanos, double seconds) {
        return new MeasuredWindow(endNanos - Math.round(seconds * 1e9), endNanos);
    }
}
