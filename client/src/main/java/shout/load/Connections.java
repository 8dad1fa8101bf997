package shout.load;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import shout.cli.Cli;

/**
 * The connections of a load run: how many, spread over how many I/O threads, opened from which local addresses.
 *
 * @param count   connections to open
 * @param threads I/O threads, each with its own selector and its share of the connections; at most {@code count}
 * @param sources local addresses the connections are bound to in turn (by connection index); empty: the kernel's choice
 * @param idle    further connections held open for the whole run and never used ({@code --idle}): opened before the
 *                others, from the kernel's choice of address, closed at the end; 0 for none
 */
public record Connections(int count, int threads, List<InetAddress> sources, int idle) {

    public Connections {
        Objects.requireNonNull(sources, "sources");
        requireCount(count);
        Cli.require(threads > 0, "threads must be positive, not " + threads);
        Cli.require(idle >= 0, "idle must not be negative, not " + idle);
        sources = List.copyOf(sources);
        threads = Math.min(threads, count);                 // a thread without connections has nothing to do
    }

    /** A number of connections to open, for a load run and each column of compare's grid alike. */
    public static void requireCount(int count) {
        Cli.require(count > 0, "connections must be positive, not " + count);
    }
}
