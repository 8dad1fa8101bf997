package shout.cli;

/**
 * The byte that marks a message as one of the expensive ones under mixed-cost work
 * ({@code --work marked:...}): the client puts it first in the messages it chooses, the server gives a
 * chunk that starts with it the expensive cost. It is an ordinary byte of the protocol, echoed like any
 * other, so the client's byte check stays exact.
 *
 * <p>It is 0x01 (SOH, "start of heading"): not a letter, so upper-casing leaves it as it is; a control
 * byte, so no text a person types or the load client's letters contain it by chance.
 */
public final class Marker {

    /** The marker itself. */
    public static final byte BYTE = 0x01;

    private Marker() {
    }

    /** Whether a chunk whose first byte is {@code firstByte} is marked. */
    public static boolean marks(byte firstByte) {
        return firstByte == BYTE;
    }
}
