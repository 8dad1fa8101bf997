/**
 * The load engine: LoadGenerator opens the connections and runs one LoadLoop per I/O thread;
 * each LoadConnection sends, verifies every reply byte and records latency; RunControl and
 * OpenLoopSchedule decide when to send and stop. Only LoadGenerator is public. It uses shout.load,
 * shout.load.io and shout.cli.
 */
package shout.load.engine;
