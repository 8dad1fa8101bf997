/**
 * The selector mode: one acceptor hands connections round-robin to selector loops (NioReactor),
 * each connection one bounded buffer (NioConnection). It uses shout.server and
 * shout.server.support.
 */
package shout.server.nio;
