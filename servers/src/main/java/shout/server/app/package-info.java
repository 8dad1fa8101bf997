/**
 * The shout server command: Servers maps a Mode to its implementation, ServerMain parses the
 * options (the types in shout.server.options), prints the start and stop lines (shout.cli's StartLine,
 * StopLine) and starts the metrics endpoint and stats line around the server, ProcessGroup runs
 * --processes K children (each with its own metrics port), and shout.cli's StopSignals turns SIGTERM
 * into a graceful stop. The top of the servers module: it may use every server package and shout.cli;
 * only shout.app uses it (compare runs it as a child process, through its command line).
 */
package shout.server.app;
