package shout.server;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import shout.cli.Durations;
import shout.cli.Marker;

/**
 * Server-side work done once per received chunk, before its reply is sent: the same in every mode,
 * which each carries out in its own way. A {@link Cost} is what one chunk costs: nothing, a wait
 * ({@code sleep}, standing for I/O), burnt CPU ({@code cpu}), or several {@link Waits} one after the
 * other ({@code seq}) or all at once ({@code fanout}). {@link Marked} work gives the chunks the client
 * marked one cost and the others another. {@link #parse} reads the {@link #SYNTAX}; each kind's
 * {@code toString} writes it back.
 */
public sealed interface Work {

    /** No work, the default. */
    None NONE = new None();

    /** The grammar of {@code --work}, for help texts and errors. */
    String SYNTAX = "none, sleep:DURATION, cpu:DURATION, seq:DURATION,DURATION,..., fanout:DURATION,DURATION,..."
            + " or marked:WORK[/WORK]";

    /** Parses the {@link #SYNTAX}, e.g. {@code sleep:10ms}, {@code fanout:10ms,20ms,30ms}, {@code marked:cpu:20ms}. */
    static Work parse(String spec) {
        return WorkSpec.parse(spec);
    }

    /** The cost of a chunk whose first byte is {@code firstByte}: the work itself unless it is {@link Marked}. */
    Cost costOf(byte firstByte);

    /** What one chunk costs: every kind of work but {@link Marked}, which chooses between two of these. */
    sealed interface Cost extends Work {
        @Override
        default Cost costOf(byte firstByte) {
            return this;
        }
    }

    /** No work: the reply goes out at once. */
    record None() implements Cost {
        @Override
        public String toString() {
            return "none";
        }
    }

    /** Waiting, as on a database or another service; event loops schedule the reply instead of blocking. */
    record Sleep(Duration delay) implements Cost {
        @Override
        public String toString() {
            return "sleep:" + Durations.format(delay);
        }
    }

    /** Computation that holds a core for its whole duration. */
    record Cpu(Duration cost) implements Cost {
        private static volatile long sink;

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

    /**
     * Several waits for one chunk, as a handler that reads a file, a database and an API: one after the
     * other ({@code seq}), or started together with the reply after the last ({@code fanout}).
     */
    record Waits(Schedule schedule, List<Duration> waits) implements Cost {

        /** How the waits are laid out in time; {@code --work} spells each as its name in lower case. */
        public enum Schedule {
            /** One after the other: the chunk waits their sum. */
            SEQ,
            /** Fanned out, all at once with the reply after the last: the chunk waits the longest. */
            FANOUT;

            /** The kind's name in {@code --work}: {@code seq}, {@code fanout}. */
            public String keyword() {
                return name().toLowerCase(Locale.ROOT);
            }
        }

        public Waits {
            Objects.requireNonNull(schedule, "schedule");
            waits = WorkSpec.checkedWaits(schedule.keyword(), waits);
        }

        /** How long a chunk waits in all: the sum of the waits in sequence, the longest fanned out. */
        public Duration elapsed() {
            return schedule == Schedule.SEQ
                    ? waits.stream().reduce(Duration.ZERO, Duration::plus)
                    : waits.stream().max(Duration::compareTo).orElseThrow();
        }

        @Override
        public String toString() {
            return schedule.keyword() + ":" + WorkSpec.format(waits);
        }
    }

    /**
     * Mixed costs: a chunk that starts with the {@link Marker} costs {@code marked}, any other
     * {@code unmarked}. Which messages are marked, and so how many, is the client's choice; the server
     * only knows the two costs.
     */
    record Marked(Cost marked, Cost unmarked) implements Work {
        @Override
        public Cost costOf(byte firstByte) {
            return Marker.marks(firstByte) ? marked : unmarked;
        }

        @Override
        public String toString() {
            return "marked:" + marked + (unmarked instanceof None ? "" : "/" + unmarked);
        }
    }
}
