/**
 * How an event loop carries out a chunk's {@code --work}, decided once for every event-loop mode:
 * WorkPolicy turns a chunk (its first byte, for marked work) and the config into its work: it burns
 * inline what belongs on the loop's thread and returns a WorkPlan (reply now, after a delay, after the
 * last of a fan-out's timers, or after an offloaded burn); OffloadPool owns the threads offloaded work
 * runs on. Each loop (nio, netty) only carries the plan out with its own timers and executor. It uses
 * shout.server, shout.server.support and shout.cli's Marker, nothing of the mode packages.
 */
package shout.server.work;
