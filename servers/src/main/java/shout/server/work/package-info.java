/**
 * How an event loop carries out a chunk's {@code --work}, decided once for every event-loop mode:
 * WorkPolicy turns a chunk and the config into a WorkPlan (reply now, burn inline, reply after a
 * delay, offload), and OffloadPool owns the threads offloaded work runs on. Each loop (nio, netty)
 * only carries the plan out with its own timer and executor. It uses shout.server and
 * shout.server.support, nothing of the mode packages.
 */
package shout.server.work;
