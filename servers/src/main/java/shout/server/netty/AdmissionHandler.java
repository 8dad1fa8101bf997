package shout.server.netty;

import shout.server.ServerStats;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * The connection cap for the netty mode: a new connection over the cap is closed at once, before any
 * byte is read; an admitted one is released in {@link ServerStats} exactly once, when it closes.
 * Shared by every connection; it runs on each connection's own event loop and keeps no state itself.
 */
@Sharable
final class AdmissionHandler extends ChannelInboundHandlerAdapter {

    private final ServerStats stats;

    AdmissionHandler(ServerStats stats) {
        this.stats = stats;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (!stats.tryOpen()) {                       // tryOpen counts and logs the rejection
            ctx.close();
            return;
        }
        ctx.channel().closeFuture().addListener(closed -> stats.closed());
        ctx.fireChannelActive();
    }
}
