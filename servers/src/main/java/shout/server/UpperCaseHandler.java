package shout.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * One connection's echo for the netty mode: each received chunk gets its work, is upper-cased in its
 * own pooled buffer and written back; one flush per read burst. Reading pauses while the channel is
 * not writable (bounded memory per connection) and while a {@code sleep} reply is pending, so replies
 * keep their order. Threading: one instance per connection, every method runs on that connection's
 * single executor (its event loop, or its offload executor), so the state needs no lock; the
 * {@code sleep} delay is a timer on that same executor and never blocks it.
 */
final class UpperCaseHandler extends ChannelInboundHandlerAdapter {

    private static final System.Logger LOGGER = System.getLogger(UpperCaseHandler.class.getName());

    private final ServerStats stats;
    private final Work work;
    private final ArrayDeque<ByteBuf> awaitingDelay = new ArrayDeque<>(4);
    private final Runnable replyToOldestDelayed = this::replyToOldestDelayed;
    private ChannelHandlerContext ctx;
    private boolean inputEnded;

    UpperCaseHandler(ServerStats stats, Work work) {
        this.stats = stats;
        this.work = work;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf chunk = (ByteBuf) msg;
        stats.received(chunk.readableBytes());
        switch (work) {
            case Work.Sleep sleep -> delay(chunk, sleep);
            case Work.Cpu cpu -> {
                cpu.burn();
                reply(chunk);
            }
            case Work.None none -> reply(chunk);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        updateAutoRead();
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof ChannelInputShutdownEvent) {
            inputEnded = true;
            if (awaitingDelay.isEmpty()) {
                closeAfterOwedBytes();
            }
        } else if (event instanceof IdleStateEvent) {
            LOGGER.log(System.Logger.Level.DEBUG, "closing idle connection {0}", ctx.channel().remoteAddress());
            ctx.close();
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        for (ByteBuf chunk; (chunk = awaitingDelay.poll()) != null; ) {
            chunk.release();
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A peer reset or broken pipe ends only this connection; anything else is a bug worth seeing.
        System.Logger.Level level = cause instanceof IOException ? System.Logger.Level.DEBUG : System.Logger.Level.WARNING;
        LOGGER.log(level, "connection {0} ended: {1}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }

    private void reply(ByteBuf chunk) {
        int length = chunk.readableBytes();
        upperCaseReadable(chunk);
        ctx.write(chunk, ctx.voidPromise());          // failures reach exceptionCaught
        stats.sent(length);
    }

    private void delay(ByteBuf chunk, Work.Sleep sleep) {
        awaitingDelay.add(chunk);
        if (awaitingDelay.size() == 1) {
            ctx.executor().schedule(replyToOldestDelayed, sleep.delay().toNanos(), TimeUnit.NANOSECONDS);
        }
        updateAutoRead();
    }

    /** The timer of a {@code sleep}: replies to one chunk, then starts the next chunk's delay. */
    private void replyToOldestDelayed() {
        ByteBuf chunk = awaitingDelay.poll();
        if (chunk == null) {                          // the connection closed meanwhile
            return;
        }
        reply(chunk);
        ctx.flush();
        if (!awaitingDelay.isEmpty()) {
            ctx.executor().schedule(replyToOldestDelayed, ((Work.Sleep) work).delay().toNanos(), TimeUnit.NANOSECONDS);
        } else if (inputEnded) {
            closeAfterOwedBytes();
        } else {
            updateAutoRead();
        }
    }

    /** Reads only while writes drain and no delayed reply is pending: memory per connection stays bounded. */
    private void updateAutoRead() {
        ctx.channel().config().setAutoRead(ctx.channel().isWritable() && awaitingDelay.isEmpty());
    }

    /** The input ended: an empty write completes after every earlier one, then the close sends FIN. */
    private void closeAfterOwedBytes() {
        ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }

    /** Upper-cases the readable bytes in place, on the backing array or word by word in direct memory. */
    private static void upperCaseReadable(ByteBuf buf) {
        int from = buf.readerIndex();
        int to = buf.writerIndex();
        if (buf.hasArray()) {
            UpperCase.inPlace(buf.array(), buf.arrayOffset() + from, buf.arrayOffset() + to);
            return;
        }
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            buf.setLongLE(i, UpperCase.upperWord(buf.getLongLE(i)));
        }
        for (; i < to; i++) {
            buf.setByte(i, UpperCase.upper(buf.getByte(i)));
        }
    }
}
