package shout.server.blocking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The virtual mode asks the JDK for at least two carriers, one a cpu where there are more, and leaves a user's choice alone. */
class VirtualCarriersTest {

    private String before;

    @BeforeEach
    void saveTheProperty() {
        before = System.getProperty(VirtualCarriers.PARALLELISM);
    }

    @AfterEach
    void restoreTheProperty() {
        if (before == null) {
            System.clearProperty(VirtualCarriers.PARALLELISM);
        } else {
            System.setProperty(VirtualCarriers.PARALLELISM, before);
        }
    }

    @Test
    void unsetItBecomesTwoOrOneACpuWhicheverIsMore() {
        System.clearProperty(VirtualCarriers.PARALLELISM);
        String expected = Integer.toString(Math.max(2, Runtime.getRuntime().availableProcessors()));
        assertEquals(expected, VirtualCarriers.atLeastTwo());
        assertEquals(expected, System.getProperty(VirtualCarriers.PARALLELISM));
    }

    @Test
    void aParallelismTheUserSetIsKept() {
        System.setProperty(VirtualCarriers.PARALLELISM, "1");
        assertEquals("1", VirtualCarriers.atLeastTwo());
        assertEquals("1", System.getProperty(VirtualCarriers.PARALLELISM));
    }
}
