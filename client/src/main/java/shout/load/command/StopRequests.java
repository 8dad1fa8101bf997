package shout.load.command;

import shout.cli.ExitCode;
import shout.cli.StopSignals;

/**
 * Where a request to end a load run early comes from. In a real process: SIGINT (Ctrl-C) and SIGTERM,
 * handled only while the run lasts, the second one exiting at once with 128 + the first one's number.
 * In-process runs (tests) leave the JVM's signals alone and may make the request themselves.
 */
@FunctionalInterface
interface StopRequests {

    /** No requests: the JVM's signal handling stays as it is. */
    StopRequests NONE = stop -> () -> { };

    /** SIGINT and SIGTERM: the first calls {@code stop}, a second exits at once with the first one's code (130 or 143). */
    StopRequests SIGNALS = stop -> {
        StopSignals signals = StopSignals.install(stop, code -> System.exit(code.code()));
        return new Handle() {
            @Override
            public void close() {
                signals.close();
            }

            @Override
            public ExitCode stoppedBy() {
                return signals.received().orElse(ExitCode.INTERRUPTED);
            }
        };
    };

    /** Calls {@code stop} on a request from now until the returned handle is closed. */
    Handle whileRunning(Runnable stop);

    /** Ends the requests that {@link #whileRunning} began. */
    @FunctionalInterface
    interface Handle extends AutoCloseable {
        @Override
        void close();

        /** The exit code of a run these requests stopped: 128 + the signal, or 130 for a request without one. */
        default ExitCode stoppedBy() {
            return ExitCode.INTERRUPTED;
        }
    }
}
