package shout.load.io;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import shout.load.ErrorKind;

/**
 * The portable {@link Poller}: the JDK's selector and socket channels. The selector times waits in
 * whole milliseconds, so a shorter wait does not wait at all: the open loop then spins until its
 * next send is due (accurate, at the price of a busy core at modest rates).
 */
final class NioPoller<T> implements Poller<T> {

    private static final System.Logger LOGGER = System.getLogger(NioPoller.class.getName());

    private final Selector selector;
    private final Consumer<SelectionKey> dispatch = this::dispatch;
    private Handler<? super T> handler;

    NioPoller() throws IOException {
        this.selector = Selector.open();
    }

    @Override
    public PolledSocket connect(InetSocketAddress address, InetAddress source, T attachment) throws IOException {
        // An IPv4 target gets an IPv4 socket, not the JDK's default dual-stack one, as a C client would use.
        SocketChannel channel = SocketChannel.open(address.getAddress() instanceof Inet4Address
                ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6);
        try {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            if (source != null) {
                bind(channel, source);
            }
            SelectionKey key = channel.register(selector, SelectionKey.OP_CONNECT, attachment);
            channel.connect(address);
            return new Socket(channel, key);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public void poll(long timeoutNanos, Handler<? super T> handler) throws IOException {
        this.handler = handler;
        long timeoutMillis = TimeUnit.NANOSECONDS.toMillis(timeoutNanos);
        if (timeoutMillis == 0) {
            selector.selectNow(dispatch);
        } else {
            selector.select(dispatch, timeoutMillis);
        }
    }

    /**
     * Binds to {@code source} with a port the kernel picks now. Linux's IP_BIND_ADDRESS_NO_PORT, which
     * would defer the port to the connect and so reuse it toward other destinations, is out of reach
     * here: neither StandardSocketOptions nor jdk.net.ExtendedSocketOptions offers it. So each source
     * address serves as many connections as the local port range holds (about 28,000), in all.
     */
    private static void bind(SocketChannel channel, InetAddress source) throws SourceBindException {
        try {
            channel.bind(new InetSocketAddress(source, 0));
        } catch (IOException e) {
            throw new SourceBindException(source, e);
        }
    }

    @SuppressWarnings("unchecked")      // every key's attachment came in through connect
    private void dispatch(SelectionKey key) {
        int ready = key.readyOps();
        handler.ready((T) key.attachment(), (ready & (SelectionKey.OP_READ | SelectionKey.OP_CONNECT)) != 0,
                (ready & SelectionKey.OP_WRITE) != 0);
    }

    /**
     * The kind of a failure the JDK's channels threw. They say what failed only in the exception's
     * type and its English message ("Connection reset by peer", "Too many open files"), so this is the
     * one place that reads that text; the epoll engine classifies by errno ({@link ErrnoException}).
     */
    static ErrorKind classify(IOException e, boolean connecting) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("too many open files")) {
            return ErrorKind.TOO_MANY_OPEN_FILES;
        }
        if (message.contains("reset")) {
            return ErrorKind.RESET;
        }
        if (e instanceof SocketTimeoutException || message.contains("timed out")) {
            return ErrorKind.TIMEOUT;
        }
        if (e instanceof ConnectException && message.contains("refused")) {
            return ErrorKind.REFUSED;
        }
        if (connecting || e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return ErrorKind.CONNECT_FAILED;
        }
        return ErrorKind.IO_ERROR;
    }

    @Override
    public void wakeup() {
        selector.wakeup();
    }

    @Override
    public String engine() {
        return "nio";
    }

    @Override
    public void close() {
        try {
            selector.close();
        } catch (IOException e) {
            LOGGER.log(System.Logger.Level.WARNING, "closing a selector failed", e);
        }
    }

    private record Socket(SocketChannel channel, SelectionKey key) implements PolledSocket {

        @Override
        public boolean finishConnect() throws IOException {
            return channel.finishConnect();
        }

        @Override
        public int read(ByteBuffer into) throws IOException {
            return channel.read(into);
        }

        @Override
        public int write(ByteBuffer from) throws IOException {
            return channel.write(from);
        }

        @Override
        public void watch(boolean writes) {
            key.interestOps(writes ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }

        @Override
        public void close() {
            try {
                channel.close();                        // also cancels the key
            } catch (IOException e) {
                LOGGER.log(System.Logger.Level.DEBUG, "close failed", e);
            }
        }
    }
}
