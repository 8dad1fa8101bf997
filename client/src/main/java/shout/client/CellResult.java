package shout.client;

/**
 * The outcome of one cell: the load client's report and the server's cost, or the reason it failed.
 *
 * @param target      the row name (mode or peer name)
 * @param peer        true for a {@code --peer} server the harness did not start
 * @param connections connections asked for
 * @param failure     null when measured, else the one-line reason
 * @param load        the load client's figures, null when failed
 * @param server      the server's cost, null when failed or not knowable (a peer)
 * @param note        anything odd that did not fail the cell (server exit code, forced stop), or null
 * @param serverSummary the server's own closing line (its connection and byte counters), or null
 */
record CellResult(String target, boolean peer, int connections, String failure, LoadReport load,
                  ServerCost server, String note, String serverSummary) {

    static CellResult measured(Cell cell, LoadReport load, ServerCost server, String note, String serverSummary) {
        return new CellResult(cell.target().name(), cell.target() instanceof Target.Peer, cell.connections(),
                null, load, server, note, serverSummary);
    }

    static CellResult failed(Cell cell, String reason) {
        return new CellResult(cell.target().name(), cell.target() instanceof Target.Peer, cell.connections(),
                reason, null, null, null, null);
    }

    /** True when the cell has figures. */
    boolean ok() {
        return failure == null;
    }
}
