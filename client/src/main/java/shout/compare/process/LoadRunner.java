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

    /** Makes the runner for one comparison, given how to start a child shout, the CPUs to pin to, and the child registry. */
    @FunctionalInterface
    interface Factory {
        LoadRunner create(ChildShout shout, CpuPinning pinning, LiveChildren children);
    }
}
