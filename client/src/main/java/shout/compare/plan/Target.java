package shout.compare.plan;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;
import shout.load.Expectation;
import shout.server.Mode;

/** What one row of a comparison measures: a server the harness starts itself, or someone's running server. */
public sealed interface Target {

    /** The row's name in tables, charts and JSON. */
    String name();

    /** What the load client checks this row's replies against: upper-cased for our servers, a peer's own choice. */
    Expectation expect();

    /**
     * A server mode, started by the harness as its own child process for every cell, possibly with extra
     * server arguments that make it a variant ({@code nio-offload} is nio with {@code --offload}).
     *
     * @param mode  the server mode
     * @param label the row name: the mode's name for a plain mode
     * @param args  server arguments appended after the harness's own, empty for a plain mode
     */
    record Server(Mode mode, String label, List<String> args) implements Target {

        /** The server option that sizes a pool, as a row's argument spells it. */
        static final String THREADS_ARG = "--threads=";

        public Server {
            args = List.copyOf(args);
        }

        /** A plain mode, named after itself. */
        public Server(Mode mode) {
            this(mode, mode.cliName(), List.of());
        }

        /**
         * How many connections a pool row serves at once: N when it is a {@code pool} given {@code --threads=N} (each
         * connection holds one of its threads until it closes); empty for any other row, and for a pool sized by default.
         */
        public OptionalInt poolThreads() {
            if (mode != Mode.POOL) {
                return OptionalInt.empty();
            }
            return args.stream().filter(arg -> arg.matches(THREADS_ARG + "[1-9][0-9]{0,8}"))
                    .mapToInt(arg -> Integer.parseInt(arg.substring(THREADS_ARG.length()))).reduce((first, last) -> last);
        }

        @Override
        public String name() {
            return label;
        }

        @Override
        public Expectation expect() {
            return Expectation.UPPER;
        }
    }

    /**
     * An already-running server ({@code --peer NAME=HOST:PORT[,pid=N][,expect=upper|echo]}): measured the same way,
     * never started or stopped.
     *
     * @param name   the row name
     * @param host   where it listens
     * @param port   its real port
     * @param pid    its process ({@code pid=N}), so that what it costs can be measured; empty when not given. Checked at
     *               parse time to be alive and, where /proc tells, the process that listens on {@code port}
     * @param expect what its replies are checked against ({@code expect=}): {@link Expectation#UPPER} unless it is a
     *               plain echo server
     */
    record Peer(String name, String host, int port, OptionalLong pid, Expectation expect) implements Target {

        public Peer {
            Objects.requireNonNull(pid, "pid");
            Objects.requireNonNull(expect, "expect");
        }

        /** A peer that speaks our protocol, its process not named. */
        public Peer(String name, String host, int port) {
            this(name, host, port, OptionalLong.empty(), Expectation.DEFAULT);
        }
    }
}
