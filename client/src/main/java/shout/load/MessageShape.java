package shout.load;

import java.util.Objects;
import shout.cli.Cli;

/**
 * What each message of a load looks like: how many bytes, how many a connection keeps in flight, and which share
 * starts with the marker byte. The one place that says which shapes are usable, for {@code load} and {@code compare} alike.
 *
 * @param sizeBytes bytes per message
 * @param pipeline  messages in flight per connection at most
 * @param mark      which messages are marked ({@code --mark}); {@link MarkShare#NONE} for none
 */
public record MessageShape(int sizeBytes, int pipeline, MarkShare mark) {

    public MessageShape {
        Objects.requireNonNull(mark, "mark");
        Cli.require(sizeBytes > 0, "size must be positive, not " + sizeBytes);
        Cli.require(pipeline > 0, "pipeline must be positive, not " + pipeline);
        // The server costs a chunk by its first byte: with several messages in flight it may read two as one chunk,
        // and then which of them it charged as marked is no longer the client's to know.
        Cli.require(!mark.any() || pipeline == 1, "mark needs pipeline 1, not " + pipeline + ": with more messages in flight "
                + "the server may read several as one chunk and cost them all by the first one's mark");
    }

    /** Messages without marks. */
    public MessageShape(int sizeBytes, int pipeline) {
        this(sizeBytes, pipeline, MarkShare.NONE);
    }
}
