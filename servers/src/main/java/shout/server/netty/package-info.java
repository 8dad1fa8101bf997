/**
 * The netty mode: Netty's event loops over the transport that loads here, two handlers per connection (its
 * limits: the cap and the idle timeout; the upper-casing echo with writability backpressure) and, on io_uring,
 * one on the accepting loop that picks how a connection waits for its next message. It uses shout.server, the
 * shared mechanics of shout.server.support, the work plans of shout.server.work, and Netty.
 */
package shout.server.netty;
