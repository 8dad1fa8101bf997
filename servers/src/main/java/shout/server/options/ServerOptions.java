package shout.server.options;

import picocli.CommandLine.ITypeConverter;
import shout.cli.Cli;
import shout.cli.EnumOption;
import shout.server.Mode;
import shout.server.Transport;
import shout.server.Work;

/**
 * The option types of the server's settings, shared by {@code shout server} and {@code shout compare}: each value is
 * read, and an unknown one answered, the same way in both.
 */
public final class ServerOptions {

    private ServerOptions() {
    }

    /** {@code --mode}: a {@link Mode} in any case; help and completion list them all. */
    public static final class ModeOption extends EnumOption<Mode> {
        public ModeOption() {
            super(Mode.class, "mode");
        }
    }

    /** {@code --transport}: a {@link Transport} in any case. */
    public static final class TransportOption extends EnumOption<Transport> {
        public TransportOption() {
            super(Transport.class, "transport");
        }
    }

    /** {@code --work}: none, sleep:10ms, cpu:200us, seq:10ms,20ms, fanout:10ms,20ms, marked:cpu:20ms; see {@link Work#SYNTAX}. */
    public static final class WorkConverter implements ITypeConverter<Work> {
        @Override
        public Work convert(String value) {
            return Cli.userValue(() -> Work.parse(value));
        }
    }
}
