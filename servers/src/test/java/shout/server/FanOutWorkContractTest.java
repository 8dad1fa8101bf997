package shout.server;

/**
 * The whole contract again with {@code --work fanout:1ms,5ms,3ms}: fanning the waits out (a thread per
 * wait, or a timer per wait with delays that differ) must never change the bytes, their order,
 * half-close, the limits or a clean close. Sizes as in SleepWorkContractTest, for serial's sake.
 */
class FanOutWorkContractTest extends SleepWorkContractTest {

    @Override
    ServerConfig config() {
        return super.config().toBuilder().work(Work.parse("fanout:1ms,5ms,3ms")).build();
    }
}
