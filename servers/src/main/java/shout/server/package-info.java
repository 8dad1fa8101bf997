/**
 * The server API every mode implements and every caller uses: EchoServer, Mode, ServerConfig,
 * ServerStats (counters and the connection cap, whose ConnectionPermit is released once), the
 * per-chunk Work (its grammar read by WorkSpec) and the UpperCase transform.
 * It uses only the JDK and shout.cli; the implementations live in the subpackages, and
 * shout.server.app is where a Mode becomes a running server.
 */
package shout.server;
