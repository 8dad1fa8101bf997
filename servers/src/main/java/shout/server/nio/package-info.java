/**
 * The selector mode: one acceptor hands connections round-robin to selector loops (NioReactor),
 * each connection one bounded buffer (NioConnection), carrying out the work shout.server.work plans;
 * delayed replies wait on the loop's ReplyTimers (a FIFO while every delay is the same, else a heap).
 * It uses shout.server, shout.server.support and shout.server.work.
 */
package shout.server.nio;
