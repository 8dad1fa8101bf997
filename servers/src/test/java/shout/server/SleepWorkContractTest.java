package shout.server;

import java.time.Duration;

/**
 * The whole contract again with {@code --work sleep:5ms}: waiting per chunk must never change the
 * bytes, their order, half-close or the limits, whether a thread blocks or an event loop schedules
 * the reply. Sizes are smaller so that serial (one client at a time) still finishes quickly.
 */
class SleepWorkContractTest extends EchoServerContractTest {

    @Override
    ServerConfig config() {
        return super.config().toBuilder().work(new Work.Sleep(Duration.ofMillis(5))).build();
    }

    @Override
    int largePayloadBytes() {
        return 1 << 20;
    }

    @Override
    int concurrentConnections() {
        return 20;
    }

    @Override
    int messagesPerConnection() {
        return 10;
    }
}
