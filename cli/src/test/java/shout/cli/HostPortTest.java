package shout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostPortTest {

    @Test
    void anIpv6LiteralIsWrittenInBracketsAndReadBack() {
        HostPort v6 = new HostPort("::1", 8081);
        assertEquals("[::1]:8081", v6.toString());
        assertEquals(v6, HostPort.parse("[::1]:8081"));
    }

    @Test
    void aNameOrIpv4AddressIsWrittenPlain() {
        assertEquals("127.0.0.1:0", new HostPort("127.0.0.1", 0).toString());
        assertEquals(new HostPort("localhost", 65_535), HostPort.parse(" localhost:65535 "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", ":8081", "host:", "host:eighty", "host:65536", "::1:8081", "[]:80", "host:-1"})
    void whatIsNotHostAndPortIsOneLineThatShowsTheForm(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HostPort.parse(text));
        assertTrue(e.getMessage().startsWith("'" + text + "' is not HOST:PORT"), e.getMessage());
    }
}
