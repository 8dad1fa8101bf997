package shout.compare.process;

/** A cell that could not be measured; the message is the one-line reason shown as {@code failed: <reason>}. */
public final class CellFailure extends Exception {

    public CellFailure(String reason) {
        super(reason);
    }
}
