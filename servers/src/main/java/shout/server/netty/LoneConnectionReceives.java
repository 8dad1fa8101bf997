package shout.server.netty;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.uring.IoUringChannelOption;
import java.util.concurrent.atomic.AtomicInteger;
import shout.server.ServerStats;

/**
 * On io_uring, picks how each accepted connection waits for its next message. A connection that arrives while
 * the server holds fewer connections than it has loops reads from its loop's buffer ring: its receive is queued
 * before the data comes and finishes when it does, one {@code io_uring_enter} a message fewer. Every other
 * connection keeps Netty's default, one poll that stays armed and a receive once it fires, which costs nothing
 * a message when one {@code io_uring_enter} carries the receives of many connections.
 * At most as many connections as there are loops read from the ring at a time.
 *
 * <p>Why both: at one connection the ring saves a system call a message, but with every one of many connections on
 * it each receive queued ahead of its data arms a poll inside the kernel, which costs more than it saves
 * (docs/findings.md#netty-a-buffer-ring-only-for-a-lone-connection).
 * Threading: one instance on the accepting loop, before Netty's own acceptor; a connection is chosen for the
 * ring before it is registered with its loop, which is when Netty reads the choice.
 */
@ChannelHandler.Sharable
final class LoneConnectionReceives extends ChannelInboundHandlerAdapter {

    private final short ringGroup;
    private final ServerStats stats;
    private final int loops;
    private final AtomicInteger onRing = new AtomicInteger();    // decremented on the connections' own loops

    /** Points connections at the buffer ring of group {@code ringGroup}, which each of the server's {@code loops} lends. */
    LoneConnectionReceives(short ringGroup, ServerStats stats, int loops) {
        this.ringGroup = ringGroup;
        this.stats = stats;
        this.loops = loops;
    }

    /** The connections reading from the ring now. */
    int onRing() {
        return onRing.get();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        // active() counts connections admitted so far; the ones accepted in the same burst are not yet among them.
        if (msg instanceof Channel child && stats.active() < loops && onRing.get() < loops) {
            onRing.incrementAndGet();
            child.closeFuture().addListener(closed -> onRing.decrementAndGet());
            child.config().setOption(IoUringChannelOption.IO_URING_BUFFER_GROUP_ID, ringGroup);
        }
        ctx.fireChannelRead(msg);
    }
}
