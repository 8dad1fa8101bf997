package shout.load;


/**
 * A snapshot of a running load, for the live progress line.
 *
 * @param phase             connecting, warming up or measuring
 * @param elapsedSeconds    since the run started
 * @param connectionsUp     connections established so far
 * @param messagesPerSecond measured messages per second over the last interval; 0 before measuring
 * @param p99Micros         99th percentile latency of the measured part so far, in µs; 0 before any message
 */
public record LoadProgress(Phase phase, double elapsedSeconds, int connectionsUp,
                    double messagesPerSecond, double p99Micros) {
}
