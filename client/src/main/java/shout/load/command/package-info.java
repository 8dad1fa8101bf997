/**
 * The shout load command: its options, the live progress line, the printed summary and the
 * HdrHistogram log file. It uses shout.load, shout.load.engine (to run) and shout.cli.
 */
package shout.load.command;
