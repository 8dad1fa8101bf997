package shout.server.netty;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.Optional;
import shout.server.ConnectionPermit;
import shout.server.ServerStats;
import shout.server.support.Admission;

/**
 * The connection cap for the netty mode, through the {@link Admission} every mode shares: a new
 * connection over the cap is closed at once, before any byte is read; an admitted one releases its
 * permit when its channel closes. Shared by every connection; it runs on each connection's own event
 * loop and keeps no state itself.
 */
@Sharable
final class AdmissionHandler extends ChannelInboundHandlerAdapter {

    private final ServerStats stats;

    AdmissionHandler(ServerStats stats) {
        this.stats = stats;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        Optional<ConnectionPermit> permit = Admission.admitOrClose(stats, ctx::close);
        if (permit.isPresent()) {
            ctx.channel().closeFuture().addListener(closed -> permit.get().release());
            ctx.fireChannelActive();
        }
    }
}
