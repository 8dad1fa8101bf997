package shout.compare.process;

import java.io.IOException;
import shout.compare.plan.Cell;
import shout.compare.plan.CpuPinning;
import shout.load.LoadReport;

/** Drives one server for one cell and returns the load client's figures. The seam tests replace. */
public interface LoadRunner {

    /**
     * Runs warm-up and measurement of {@code cell} against {@code host:port} and returns the report.
     *
     * @throws CellFailure when the load could not be run (no connection, client crashed or hung)
     */
    LoadReport run(Cell cell, String host, int port) throws CellFailure, IOException, InterruptedException;

    /**
     * Runs the cell as {@link #run} does and says when it measured, where the runner can tell; a runner that
     * cannot (a client in another process) leaves the window null, and the caller takes the measured seconds
     * that ended as the run returned.
     */
    default Measurement measure(Cell cell, String host, int port) throws CellFailure, IOException, InterruptedException {
        return new Measurement(run(cell, host, port), null);
    }

    /**
     * A run's report and when it measured.
     *
     * @param report the load client's figures
     * @param window when the measured part ran on this JVM's clock, or null when the runner cannot tell
     */
    record Measurement(LoadReport report, MeasuredWindow window) {
    }

    /** Makes the runner for one comparison, given how to start a child shout, the CPUs to pin to, and the child registry. */
    @FunctionalInterface
    interface Factory {
        LoadRunner create(ChildShout shout, CpuPinning pinning, LiveChildren children);
    }
}
