package shout.server.netty;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import shout.server.ServerStats;
import shout.server.support.IdleTimeout;

/**
 * The idle timeout of the netty mode: closes a connection when no byte went either way for the
 * timeout. Reads are noted once per read burst; output counts as activity when the bytes queued for
 * the client changed between two checks. It replaces Netty's {@code IdleStateHandler}, which watches
 * writes by turning every write's void promise into a real one with a listener: an allocation and a
 * callback per reply, on the hottest path. One timer per connection, re-armed for the remaining time.
 */
final class IdleCloseHandler extends ChannelInboundHandlerAdapter {

    private final IdleTimeout idleTimeout;
    private final ServerStats stats;
    private long lastActivityNanos;
    private long pendingAtLastCheck;
    private Future<?> check;

    IdleCloseHandler(IdleTimeout idleTimeout, ServerStats stats) {
        this.idleTimeout = idleTimeout;
        this.stats = stats;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        lastActivityNanos = System.nanoTime();
        schedule(ctx, idleTimeout.nanos());
        ctx.fireChannelActive();
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        lastActivityNanos = System.nanoTime();
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (check != null) {
            check.cancel(false);
        }
        ctx.fireChannelInactive();
    }

    private void schedule(ChannelHandlerContext ctx, long delayNanos) {
        check = ctx.executor().schedule(() -> checkIdle(ctx), delayNanos, TimeUnit.NANOSECONDS);
    }

    private void checkIdle(ChannelHandlerContext ctx) {
        if (!ctx.channel().isOpen()) {
            return;
        }
        long now = System.nanoTime();
        long pending = pendingOutputBytes(ctx);
        if (pending > 0 && pending != pendingAtLastCheck) {
            lastActivityNanos = now;                  // the client took some of its reply, or more was queued
        }
        pendingAtLastCheck = pending;
        if (idleTimeout.expired(lastActivityNanos, now)) {
            IdleTimeout.closing(stats, ctx.channel().remoteAddress());
            ctx.close();
        } else {
            schedule(ctx, lastActivityNanos + idleTimeout.nanos() - now + 1);
        }
    }

    private static long pendingOutputBytes(ChannelHandlerContext ctx) {
        ChannelOutboundBuffer output = ctx.channel().unsafe().outboundBuffer();
        return output == null ? 0 : output.totalPendingWriteBytes();
    }
}
