package shout.load;

import shout.cli.Cli;

/**
 * What each message of a load looks like: how many bytes, and how many a connection keeps in flight. The one
 * place that says which sizes and pipelines are usable, for {@code load} and {@code compare} alike.
 *
 * @param sizeBytes bytes per message
 * @param pipeline  messages in flight per connection at most
 */
public record MessageShape(int sizeBytes, int pipeline) {

    public MessageShape {
        Cli.require(sizeBytes > 0, "size must be positive, not " + sizeBytes);
        Cli.require(pipeline > 0, "pipeline must be positive, not " + pipeline);
    }
}
