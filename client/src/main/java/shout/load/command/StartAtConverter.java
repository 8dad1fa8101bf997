package shout.load.command;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import picocli.CommandLine.ITypeConverter;
import shout.cli.Cli;

/**
 * Reads {@code --start-at TIME}: an ISO-8601 instant with {@code Z} or an offset (fractional seconds
 * allowed), or a time of day {@code HH:MM:SS}, today in this machine's zone. A time already past when
 * the command line is read is an error, so a stale script fails before it connects.
 */
final class StartAtConverter implements ITypeConverter<Instant> {

    @Override
    public Instant convert(String value) {
        return Cli.userValue(() -> parse(value, Clock.systemDefaultZone()));
    }

    /** The instant {@code value} names on {@code clock}; throws {@link IllegalArgumentException} worded for a user. */
    static Instant parse(String value, Clock clock) {
        Instant at;
        try {
            at = value.contains("T") ? OffsetDateTime.parse(value).toInstant()
                    : LocalDate.now(clock).atTime(LocalTime.parse(value)).atZone(clock.getZone()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + value + "' is not a time (examples: 2026-11-30T20:15:00Z, "
                    + "2026-11-30T21:15:00.5+01:00, 20:15:00 for today here)", e);
        }
        Instant now = clock.instant();
        Cli.require(at.isAfter(now), "'" + value + "' has already passed (it is " + now.truncatedTo(ChronoUnit.SECONDS) + " now)");
        return at;
    }
}
