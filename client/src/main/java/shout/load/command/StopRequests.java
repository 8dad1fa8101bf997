package shout.load.command;

import shout.cli.ExitCode;
import shout.cli.StopSignals;

/**
 * Where a request to end a load run early comes from. In a real process: SIGINT (Ctrl-C) and SIGTERM,
 * handled only while the run lasts, the second one exiting at once with 130. In-process runs (tests)
 * leave the JVM's signals alone and may make the request themselves.
 */
@FunctionalInterface
interface StopRequests {

    /** No requests: the JVM's signal handling stays as it is. */
    StopRequests NONE = stop -> () -> { };

    /** SIGINT and SIGTERM: the first calls {@code stop}, a second exits with {@link ExitCode#INTERRUPTED} at once. */
    StopRequests SIGNALS = stop -> StopSignals.install(stop, () -> System.exit(ExitCode.INTERRUPTED.code()))::close;

    /** Calls {@code stop} on a request from now until the returned handle is closed. */
    Handle whileRunning(Runnable stop);

    /** Ends the requests that {@link #whileRunning} began. */
    @FunctionalInterface
    interface Handle extends AutoCloseable {
        @Override
        void close();
    }
}
