/**
 * What every shout command shares: the picocli conventions and one-line errors (Cli), exit
 * codes, durations, counts with SI suffixes (10k, 1M), output-path checks made before a run,
 * host:port, the marker byte of mixed-cost work (client and server must agree on it), the
 * servers' start and stop lines, how a child JVM is launched, the one-line log format, and
 * SIGTERM/SIGINT handling (first signal graceful, second at once).
 * It uses only the JDK and picocli, and nothing else of shout, so both the servers and the client
 * can depend on it.
 */
package shout.cli;
