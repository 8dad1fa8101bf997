/**
 * The server API every mode implements and every caller uses: EchoServer (which reports its own
 * limits), Mode, ServerConfig, ServerStats (counters and the connection cap, whose ConnectionPermit is
 * released once), the per-chunk Work (its grammar read by WorkSpec) and the UpperCase transform.
 * It uses only the JDK and shout.cli's value types (durations, host:port), never picocli, so that it
 * can be embedded without the command line (a bad value is an IllegalArgumentException, see Require);
 * the implementations live in the subpackages, and shout.server.app is where a Mode becomes a running
 * server. LayeringTest (client module) holds this.
 */
package shout.server;
