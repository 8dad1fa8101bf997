package shout.compare.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;
import shout.load.Expectation;

/** {@code --peer NAME=HOST:PORT[,pid=N][,expect=upper|echo]}: the keys, their defaults and each refusal. */
@Timeout(5)
class PeerConverterTest {

    private static Target.Peer peer(String value) {
        return new PeerConverter().convert(value);
    }

    private static String mistake(String value) {
        return assertThrows(CommandLine.TypeConversionException.class, () -> peer(value)).getMessage();
    }

    @Test
    void keysAreOptionalInAnyOrderAndDefaultToNoProcessAndUpper() {
        assertEquals(new Target.Peer("c", "127.0.0.1", 9000, OptionalLong.empty(), Expectation.UPPER), peer("c=127.0.0.1:9000"));
        assertEquals(new Target.Peer("e", "::1", 8007, OptionalLong.of(42), Expectation.ECHO), peer("e=[::1]:8007,pid=42,expect=echo"));
        assertEquals(new Target.Peer("e", "h", 1, OptionalLong.of(7), Expectation.ECHO), peer("e=h:1,expect=ECHO,pid=7"));
        assertEquals(Expectation.UPPER, peer("u=h:1,expect=upper").expect());
    }

    @Test
    void eachMistakeIsOneLineNamingThePeer() {
        assertEquals("'e=h:1,speed=fast': unknown key 'speed=fast' (valid: pid=N, expect=upper|echo)", mistake("e=h:1,speed=fast"));
        assertEquals("'e=h:1,echo': unknown key 'echo' (valid: pid=N, expect=upper|echo)", mistake("e=h:1,echo"));
        assertEquals("'e=h:1,': unknown key '' (valid: pid=N, expect=upper|echo)", mistake("e=h:1,"));
        assertEquals("'e=h:1,pid=0': pid must be a process id (a positive number), not '0'", mistake("e=h:1,pid=0"));
        assertEquals("'e=h:1,pid=abc': pid must be a process id (a positive number), not 'abc'", mistake("e=h:1,pid=abc"));
        assertEquals("'e=h:1,pid=1,pid=2': pid= given twice", mistake("e=h:1,pid=1,pid=2"));
        assertEquals("'e=h:1,expect=lower': unknown expectation 'lower' (valid: upper, echo)", mistake("e=h:1,expect=lower"));
    }
}
