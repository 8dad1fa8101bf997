package shout.compare.plan;

import java.time.Duration;

/**
 * One measurement of a comparison: one target driven with one connection count.
 *
 * @param target       the server measured
 * @param connections  concurrent connections the load client opens
 * @param sizeBytes    bytes per message
 * @param pipeline     messages in flight per connection
 * @param warmup       load before measuring, discarded
 * @param duration     the measured part
 */
public record Cell(Target target, int connections, int sizeBytes, int pipeline, Duration warmup, Duration duration) {
}
