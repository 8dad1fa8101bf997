package shout.client;

/** A cell that could not be measured; the message is the one-line reason shown as {@code failed: <reason>}. */
final class CellFailure extends Exception {

    CellFailure(String reason) {
        super(reason);
    }
}
