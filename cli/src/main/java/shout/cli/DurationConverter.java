package shout.cli;

import java.time.Duration;
import picocli.CommandLine.ITypeConverter;

/** Reads {@code 300s}, {@code 10ms}, {@code 200us} (see {@link Durations}). */
public final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        return Cli.userValue(() -> Durations.parse(value));
    }
}
