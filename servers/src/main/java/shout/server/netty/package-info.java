/**
 * The netty mode: Netty's event loops over the transport that loads here, the admission handler
 * for the cap and the upper-casing handler with writability backpressure. It uses shout.server,
 * the shared mechanics of shout.server.support, and Netty.
 */
package shout.server.netty;
