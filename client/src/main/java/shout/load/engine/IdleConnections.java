package shout.load.engine;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import shout.load.ErrorKind;
import shout.load.LoadException;
import shout.load.io.Poller;

/**
 * The connections a run holds open and never sends on ({@code --idle}), so that the server carries them beside the
 * active ones and its memory and threads show what an idle connection costs it. Threading model: the coordinating
 * thread opens them one after another before the active ones start, each a blocking connect under the run's connect
 * timeout, and reads and closes them after the I/O threads have been joined; no I/O thread touches them. A connect
 * that fails ends the run: holding fewer than asked would measure another load.
 */
final class IdleConnections implements AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(IdleConnections.class.getName());

    private final List<SocketChannel> channels;
    /** The indexes of the channels found closed by the server, or sent on. */
    private final BitSet lost = new BitSet();

    private IdleConnections(List<SocketChannel> channels) {
        this.channels = channels;
    }

    /**
     * Opens {@code count} connections to {@code address}, fewer only when {@code control} is asked to stop meanwhile.
     *
     * @param target how the report names the server, for the error
     * @throws LoadException when one cannot be opened; those opened so far are closed again
     */
    static IdleConnections open(InetSocketAddress address, String target, int count, Duration connectTimeout,
                                RunControl control) throws LoadException {
        List<SocketChannel> channels = new ArrayList<>(count);
        try {
            for (int i = 0; i < count && !control.stopRequested(); i++) {
                channels.add(connect(address, connectTimeout));
            }
        } catch (IOException e) {
            new IdleConnections(channels).close();
            throw new LoadException("cannot hold " + count + " idle connections to " + target + ": idle connection "
                    + (channels.size() + 1) + " failed: " + ErrorKind.describe(Poller.classify(e, true), e));
        }
        return new IdleConnections(channels);
    }

    private static SocketChannel connect(InetSocketAddress address, Duration timeout) throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            channel.socket().connect(address, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            channel.configureBlocking(false);           // so that the check at the end never waits
            return channel;
        } catch (IOException e) {
            try {
                channel.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /** How many were opened. */
    int opened() {
        return channels.size();
    }

    /**
     * How many are still open and silent: a read that finds nothing. One the server closed (end of stream, reset) or
     * sent a byte on, which an echo server never does unasked, does not count, then or later. Reads without blocking.
     */
    int stillHeld() {
        ByteBuffer probe = ByteBuffer.allocate(1);
        for (int i = lost.nextClearBit(0); i < channels.size(); i = lost.nextClearBit(i + 1)) {
            probe.clear();
            try {
                if (channels.get(i).read(probe) != 0) {
                    lost.set(i);
                }
            } catch (IOException e) {
                lost.set(i);
                LOGGER.log(System.Logger.Level.DEBUG, "an idle connection was lost: {0}", e.toString());
            }
        }
        return channels.size() - lost.cardinality();
    }

    /** Closes every one; a failure to close one is logged and the others are still closed. */
    @Override
    public void close() {
        for (SocketChannel channel : channels) {
            try {
                channel.close();
            } catch (IOException e) {
                LOGGER.log(System.Logger.Level.DEBUG, "closing an idle connection failed: {0}", e.toString());
            }
        }
    }
}
