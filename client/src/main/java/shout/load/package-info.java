/**
 * The load client's model: LoadConfig (one run's settings), LoadReport (every figure of a run),
 * ErrorKind, and the observer of a running load. The engine (shout.load.engine), its I/O
 * (shout.load.io) and the command (shout.load.command) build on it; it uses none of them.
 */
package shout.load;
