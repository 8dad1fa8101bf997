package shout.server.blocking;

import shout.server.UpperCase;
import shout.server.support.Lifecycle;

/**
 * Has the JIT compile the upper-casing before the first connection needs it, on a short-lived named thread
 * started with the server. With a thread per connection, a crowd whose receive buffers are full makes that
 * many threads runnable at once, and the JIT's compiler threads get only their share of the server's cores:
 * a compilation queued once the crowd is running waits for seconds, and the interpreted transform costs
 * about ten times the CPU of the compiled one, which the acceptor and a new client then wait out
 * (docs/findings-blocking-crowd.md). Compiled while the server is still idle, it is ready in time.
 */
final class TransformWarmUp implements Runnable {

    /**
     * Calls of the transform: past the JIT's thresholds for its optimizing compiler (thousands of calls, tens of
     * thousands of loop iterations), in tens of milliseconds of CPU at startup.
     */
    static final int CALLS = 20_000;
    /** The longest chunk upper-cased: a small read's size, so the calls stay cheap before they are compiled. */
    private static final int CHUNK_BYTES = BlockingConnection.SMALL_READ_BYTES;

    private final Thread thread;

    TransformWarmUp(String name) {
        this.thread = Thread.ofPlatform().name(name).unstarted(this);
    }

    /** Starts warming up on the thread and returns at once. */
    void start() {
        thread.start();
    }

    /**
     * Every length from 1 to the chunk size, over every byte value, so that the profile the JIT compiles from
     * covers the eight-byte loop and the byte-by-byte tail, lower case and not: a path never seen would be
     * compiled as a trap, and the first chunk to take it would send the server back to the interpreter.
     */
    @Override
    public void run() {
        byte[] everyValue = new byte[CHUNK_BYTES + 256];
        for (int i = 0; i < everyValue.length; i++) {
            everyValue[i] = (byte) i;
        }
        byte[] chunk = new byte[CHUNK_BYTES];
        for (int call = 0; call < CALLS; call++) {
            int length = 1 + call % CHUNK_BYTES;
            System.arraycopy(everyValue, call % 256, chunk, 0, length);
            UpperCase.inPlace(chunk, 0, length);
        }
    }

    /** Waits for the warm-up to end, keeping an interrupt for the caller. */
    void join() {
        Lifecycle.join(thread);
    }
}
