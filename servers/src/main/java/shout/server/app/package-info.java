/**
 * The shout server command: Servers maps a Mode to its implementation, ServerMain parses the
 * options and prints the start line, ProcessGroup runs --processes K children, StopSignals turns
 * SIGTERM into a graceful stop. The top of the servers module: it may use every server package
 * and shout.cli.
 */
package shout.server.app;
