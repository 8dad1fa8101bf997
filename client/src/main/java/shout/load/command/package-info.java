/**
 * The shout load command: its options, the live progress line, the printed summary and the
 * HdrHistogram log file. It uses the load packages, shout.cli and shout.server (for the default
 * address).
 */
package shout.load.command;
