package shout.cli;

import java.util.concurrent.Callable;

/**
 * A shout subcommand: run by picocli, it returns an {@link ExitCode}'s number, and names the codes it
 * may return so that {@link Cli#commandLine} lists them in its help from their one source.
 */
public interface ShoutCommand extends Callable<Integer> {

    /** The exit codes this command returns; most commands never report wrong bytes. */
    default ExitCode[] exitCodes() {
        return new ExitCode[] {ExitCode.OK, ExitCode.CANNOT_RUN, ExitCode.USAGE};
    }
}
