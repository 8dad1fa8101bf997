package shout.compare.plan;

import java.util.List;
import shout.server.Mode;

/** What one row of a comparison measures: a server the harness starts itself, or someone's running server. */
public sealed interface Target {

    /** The row's name in tables, charts and JSON. */
    String name();

    /**
     * A server mode, started by the harness as its own child process for every cell, possibly with extra
     * server arguments that make it a variant ({@code nio-offload} is nio with {@code --offload}).
     *
     * @param mode  the server mode
     * @param label the row name: the mode's name for a plain mode
     * @param args  server arguments appended after the harness's own, empty for a plain mode
     */
    record Server(Mode mode, String label, List<String> args) implements Target {

        public Server {
            args = List.copyOf(args);
        }

        /** A plain mode, named after itself. */
        public Server(Mode mode) {
            this(mode, mode.cliName(), List.of());
        }

        @Override
        public String name() {
            return label;
        }
    }

    /** An already-running server ({@code --peer NAME=HOST:PORT}): measured the same way, never started or stopped. */
    record Peer(String name, String host, int port) implements Target {
    }
}
