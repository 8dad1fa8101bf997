/**
 * The load client's model: LoadConfig (one run's settings, built with its builder, made of the parts
 * MessageShape (with the MarkShare of marked messages), Connections, Schedule, Pacing and Timeouts, each
 * validating itself), LoadReport (every figure of a run, an open loop's service time and lateness in
 * OpenLoopTimes, marked and other messages' latencies apart in MarkedLatencies), ErrorKind,
 * IoEngine, Phase, the observer of a running load, and what a run's msgs/s may be read as: Steadiness
 * (had it settled) and ClientLimit (was the client the limit: busy, or late for its own schedule). The
 * engine (shout.load.engine), its I/O (shout.load.io) and the command (shout.load.command) build on
 * it; it uses only shout.cli.
 */
package shout.load;
