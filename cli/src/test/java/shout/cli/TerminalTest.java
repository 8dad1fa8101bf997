package shout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TerminalTest {

    @ParameterizedTest
    @CsvSource({"/dev/pts/3, true", "/dev/tty1, true", "/dev/tty, true", "'pipe:[48213]', false", "/dev/null, false",
        "/tmp/chat-input.txt, false", "'socket:[991]', false"})
    void onlyATerminalsDeviceIsATerminal(String device, boolean terminal) {
        assertEquals(terminal, Terminal.isTerminalDevice(device));
    }
}
