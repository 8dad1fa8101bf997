/**
 * The netty mode: Netty's event loops over the transport that loads here, and two handlers per
 * connection: its limits (the cap, the idle timeout) and the upper-casing echo with writability
 * backpressure. It uses shout.server, the shared mechanics of shout.server.support, and Netty.
 */
package shout.server.netty;
