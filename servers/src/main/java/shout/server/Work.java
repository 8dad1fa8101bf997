package shout.server;

import java.time.Duration;
import java.util.Locale;
import shout.cli.Durations;

/**
 * Server-side work done once per received chunk, before its reply is sent: the same in every mode.
 * {@code sleep} stands for waiting on I/O; {@code cpu} burns real CPU for its duration.
 */
public sealed interface Work {

    Work NONE = new None();

    /** Parses {@code none}, {@code sleep:10ms} or {@code cpu:200us}. */
    static Work parse(String spec) {
        String lower = spec.trim().toLowerCase(Locale.ROOT);
        if (lower.equals("none")) {
            return NONE;
        }
        int colon = lower.indexOf(':');
        String kind = colon < 0 ? lower : lower.substring(0, colon);
        if (colon < 0 || !(kind.equals("sleep") || kind.equals("cpu"))) {
            throw new IllegalArgumentException("work must be none, sleep:DURATION or cpu:DURATION, not '" + spec + "'");
        }
        Duration duration = Durations.parse(lower.substring(colon + 1));
        return kind.equals("sleep") ? new Sleep(duration) : new Cpu(duration);
    }

    /** Does the work on the calling thread: blocks for {@code sleep}, spins for {@code cpu}. */
    void performBlocking() throws InterruptedException;

    /** No work: the reply goes out at once. */
    record None() implements Work {
        @Override
        public void performBlocking() {
        }

        @Override
        public String toString() {
            return "none";
        }
    }

    /** Waiting, as on a database or another service; event loops schedule the reply instead of blocking. */
    record Sleep(Duration delay) implements Work {
        @Override
        public void performBlocking() throws InterruptedException {
            Thread.sleep(delay);
        }

        @Override
        public String toString() {
            return "sleep:" + Durations.format(delay);
        }
    }

    /** Computation that holds a core for its whole duration. */
    record Cpu(Duration cost) implements Work {
        private static volatile long sink;

        @Override
        public void performBlocking() {
            burn();
        }

        /** Spins a pseudo-random sequence until the cost is spent; the volatile sink keeps the JIT from removing it. */
        public void burn() {
            long deadline = System.nanoTime() + cost.toNanos();
            long x = sink;
            do {
                for (int i = 0; i < 64; i++) {
                    x = x * 6364136223846793005L + 1442695040888963407L;
                }
            } while (System.nanoTime() < deadline);
            sink = x;
        }

        @Override
        public String toString() {
            return "cpu:" + Durations.format(cost);
        }
    }
}
