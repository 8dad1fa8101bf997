package shout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CountsTest {

    @Test
    void siSuffixesArePowersOfTen() {
        assertEquals(100, Counts.parseWhole("100"));
        assertEquals(50_000, Counts.parseWhole("50k"));
        assertEquals(10_000, Counts.parseWhole("10K"));
        assertEquals(1_000_000, Counts.parseWhole("1M"));
        assertEquals(3_000_000_000L, Counts.parseWhole("3G"));
        assertEquals(2_500, Counts.parseWhole("2.5k"));
        assertEquals(1_250_000, Counts.parseWhole("1.25M"));
    }

    @Test
    void aFractionIsAllowedOnlyWhereTheCountMayHaveOne() {
        assertEquals(0.5, Counts.parseFraction("0.5"));
        assertEquals(20_000, Counts.parseFraction("20k"));
        var e = assertThrows(IllegalArgumentException.class, () -> Counts.parseWhole("2.5"));
        assertEquals("'2.5' is not a whole number (examples: 100, 10k, 2.5k, 1M)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Counts.parseWhole("1.0001k"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "k", "10m", "10x", "-5", "1e3", "10 k", "ten"})
    void anythingElseIsAnErrorWithExamples(String text) {
        var e = assertThrows(IllegalArgumentException.class, () -> Counts.parseWhole(text));
        assertEquals("'" + text + "' is not a count (examples: 100, 10k, 2.5k, 1M, 1G)", e.getMessage());
    }

    @Test
    void tooLargeIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> Counts.parseWhole("99999999999G"));
        var e = assertThrows(picocli.CommandLine.TypeConversionException.class, () -> new Counts.IntConverter().convert("3G"));
        assertEquals("'3G' is too large (at most 2147483647)", e.getMessage());
    }
}
