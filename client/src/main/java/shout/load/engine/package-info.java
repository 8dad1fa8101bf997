/**
 * The load engine: LoadGenerator opens the connections and runs one LoadLoop per I/O thread;
 * each LoadConnection sends, verifies every reply byte and records latency; RunControl and
 * OpenLoopSchedule decide when to send and stop. It uses shout.load and shout.load.io.
 */
package shout.load.engine;
