package shout.client;

import shout.server.Mode;

/** What one row of a comparison measures: a server mode the harness starts itself, or someone's running server. */
sealed interface Target {

    /** The row's name in tables, charts and JSON. */
    String name();

    /** A server mode, started by the harness as its own child process for every cell. */
    record Server(Mode mode) implements Target {
        @Override
        public String name() {
            return mode.cliName();
        }
    }

    /** An already-running server ({@code --peer NAME=HOST:PORT}): measured the same way, never started or stopped. */
    record Peer(String name, String host, int port) implements Target {
    }
}
