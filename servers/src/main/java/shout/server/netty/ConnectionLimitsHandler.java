package shout.server.netty;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.util.concurrent.Future;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import shout.server.ConnectionPermit;
import shout.server.ServerStats;
import shout.server.support.Admission;
import shout.server.support.IdleTimeout;

/**
 * One netty connection's limits, the ones every mode keeps: it is admitted under the cap through the
 * shared {@link Admission} (or closed before any byte is read), closed once no byte went either way for
 * the idle timeout, and its place under the cap is given back when it closes. Reads are noted once per
 * read burst; output counts as activity when the bytes queued for the client changed between two checks.
 * Threading: one instance per connection; every method runs on that connection's event loop.
 *
 * <p>Why one handler, with the idle check as its own {@link Runnable}: every idle connection holds what its
 * pipeline holds, and this way the cap and the timer cost one pipeline entry and no listener or lambda.
 * Netty's {@code IdleStateHandler} is not used because it watches writes by turning every write's void
 * promise into a real one with a listener: an allocation and a callback per reply, on the hottest path.
 */
final class ConnectionLimitsHandler extends ChannelInboundHandlerAdapter implements Runnable {

    private final ServerStats stats;
    private final IdleTimeout idleTimeout;
    private ChannelHandlerContext ctx;
    private ConnectionPermit permit;                  // null until admitted
    private long lastActivityNanos;
    private long pendingAtLastCheck;
    private Future<?> idleCheck;

    ConnectionLimitsHandler(ServerStats stats, IdleTimeout idleTimeout) {
        this.stats = stats;
        this.idleTimeout = idleTimeout;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        Optional<ConnectionPermit> admitted = Admission.admitOrClose(stats, ctx::close);
        if (admitted.isPresent()) {
            permit = admitted.get();
            lastActivityNanos = System.nanoTime();
            scheduleIdleCheck(idleTimeout.nanos());
            ctx.fireChannelActive();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        lastActivityNanos = System.nanoTime();
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (idleCheck != null) {
            idleCheck.cancel(false);
        }
        if (permit != null) {
            permit.release();
        }
        ctx.fireChannelInactive();
    }

    private void scheduleIdleCheck(long delayNanos) {
        idleCheck = ctx.executor().schedule(this, delayNanos, TimeUnit.NANOSECONDS);
    }

    /** The idle check, on the connection's loop: closes it, or checks again when it could next expire. */
    @Override
    public void run() {
        if (!ctx.channel().isOpen()) {
            return;
        }
        long now = System.nanoTime();
        long pending = pendingOutputBytes();
        if (pending > 0 && pending != pendingAtLastCheck) {
            lastActivityNanos = now;                  // the client took some of its reply, or more was queued
        }
        pendingAtLastCheck = pending;
        if (idleTimeout.expired(lastActivityNanos, now)) {
            IdleTimeout.closing(stats, ctx.channel().remoteAddress());
            ctx.close();
        } else {
            scheduleIdleCheck(lastActivityNanos + idleTimeout.nanos() - now + 1);
        }
    }

    private long pendingOutputBytes() {
        ChannelOutboundBuffer output = ctx.channel().unsafe().outboundBuffer();
        return output == null ? 0 : output.totalPendingWriteBytes();
    }
}
