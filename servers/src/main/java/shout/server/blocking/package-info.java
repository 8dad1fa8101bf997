/**
 * The thread-based modes serial, pool, blocking and virtual: one blocking per-connection loop
 * (BlockingConnection) on whatever executor the mode provides. It uses shout.server and
 * shout.server.support.
 */
package shout.server.blocking;
