package shout.load.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --start-at} takes an ISO-8601 instant or today's time of day here, and nothing already past. */
class StartAtConverterTest {

    /** 21:00 in Berlin (UTC+1 in November). */
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-30T20:00:00Z"), ZoneId.of("Europe/Berlin"));

    @ParameterizedTest
    @CsvSource({
        "2026-11-30T20:15:00Z,          2026-11-30T20:15:00Z",
        "2026-11-30T20:15:00.250Z,      2026-11-30T20:15:00.250Z",
        "2026-11-30T21:15:00+01:00,     2026-11-30T20:15:00Z",
        "2026-12-01T02:45:00.5+05:30,   2026-11-30T21:15:00.5Z",
        "21:15:00,                      2026-11-30T20:15:00Z",
        "23:59:59.5,                    2026-11-30T22:59:59.5Z"})
    void anInstantOrTodaysTimeOfDayHere(String value, String expected) {
        assertEquals(Instant.parse(expected), StartAtConverter.parse(value, NOW));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-30T19:59:59Z", "2026-11-30T20:00:00Z", "20:59:59", "2026-11-30T20:30:00+01:00"})
    void aTimeAlreadyPastIsRefused(String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StartAtConverter.parse(value, NOW));
        assertEquals("'" + value + "' has already passed (it is 2026-11-30T20:00:00Z now)", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "25:00:00", "2026-11-30 21:15:00", "2026-11-30T21:15:00", "+60s"})
    void anythingElseSaysWhatATimeLooksLike(String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StartAtConverter.parse(value, NOW));
        assertEquals("'" + value + "' is not a time (examples: 2026-11-30T20:15:00Z, 2026-11-30T21:15:00.5+01:00, "
                + "20:15:00 for today here)", e.getMessage());
    }
}
