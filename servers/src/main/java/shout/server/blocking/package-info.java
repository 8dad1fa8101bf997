/**
 * The thread-based modes serial, pool, blocking and virtual: one blocking per-connection loop
 * (BlockingConnection) on whatever executor the mode provides, doing each chunk's work on its own
 * thread (BlockingWork) and a fan-out's waits on the mode's fan-out executor. It uses shout.server
 * and shout.server.support.
 */
package shout.server.blocking;
