package shout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void latencyIsPrintedInTheUnitThatFitsWithThreeSignificantDigits() {
        assertEquals("870us", Durations.readable(870));
        assertEquals("87.0us", Durations.readable(87));
        assertEquals("8.70us", Durations.readable(8.7));
        assertEquals("12.4ms", Durations.readable(12_400));
        assertEquals("1.20s", Durations.readable(1_200_000));
        assertEquals("250s", Durations.readable(250_000_000));
    }

    @Test
    void roundingUpToAThousandMovesToTheNextUnit() {
        assertEquals("1.00ms", Durations.readable(999.6));
        assertEquals("1.00s", Durations.readable(999_700));
        assertEquals("10.0ms", Durations.readable(9_999));
        assertEquals("100ms", Durations.readable(99_960));
    }
}
