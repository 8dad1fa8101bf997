package shout.compare.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LatencyTargetTest {

    @Test
    void readsAnyPercentileWithAnyDurationUnit() {
        assertEquals(new LatencyTarget(99, Duration.ofMillis(20)), LatencyTarget.parse("p99=20ms"));
        assertEquals(new LatencyTarget(99.9, Duration.ofNanos(500_000)), LatencyTarget.parse("P99.9=500us"));
        assertEquals(new LatencyTarget(50, Duration.ofSeconds(1)), LatencyTarget.parse("p50=1s"));
        assertEquals("p99.9=500us", LatencyTarget.parse("p99.9=500us").toString());
        assertEquals(20_000, LatencyTarget.parse("p99=20ms").limitMicros());
    }

    @Test
    void aMistakeIsOneLineThatSaysWhat() {
        Map<String, String> mistakes = new LinkedHashMap<>();
        mistakes.put("p100=20ms", "'p100=20ms': the percentile must lie between 0 and 100 (both excluded), not 100");
        mistakes.put("p0=20ms", "'p0=20ms': the percentile must lie between 0 and 100 (both excluded), not 0");
        mistakes.put("p99=20", "'p99=20': give the latency a unit (us, ms or s), as in p99=20ms");
        mistakes.put("p99=0ms", "'p99=0ms': the latency target must be positive, not 0ms");
        mistakes.put("99=20ms", "'99=20ms' is not pPERCENTILE=LATENCY (examples: p99=20ms, p99.9=500us)");
        mistakes.put("p99=soon", "'p99=soon': 'soon' is not a duration (examples: 300s, 10ms, 200us, 2m)");
        mistakes.forEach((text, message) ->
                assertEquals(message, assertThrows(IllegalArgumentException.class, () -> LatencyTarget.parse(text)).getMessage()));
    }
}
