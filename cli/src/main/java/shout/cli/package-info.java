/**
 * What every shout command shares: the picocli conventions and one-line errors (Cli), exit
 * codes, durations, counts with SI suffixes (10k, 1M) and byte sizes with binary ones (4k),
 * output-path checks made before a run, host:port and a client's server address (ServerAddress),
 * the marker byte of mixed-cost work (client and server must agree on it), the servers' start
 * and stop lines, how a child JVM is launched, the one-line log format, whether a standard stream
 * is a terminal, and SIGTERM/SIGINT handling (first signal graceful, second at once).
 * It uses only the JDK and picocli, and nothing else of shout, so both the servers and the client
 * can depend on it.
 */
package shout.cli;
