/**
 * The shout load command: its options (LoadOptions: the target, wrk2's short names, SI counts), its
 * outputs (LoadOutputs: summary, JSON to a file or stdout, paths checked before the run), the
 * --fail-* thresholds, the progress on stderr, the printed summary and the HdrHistogram log file.
 * It uses shout.load, shout.load.engine (to run) and shout.cli. ReportPrinter is public: shout.merge
 * prints the sum of several runs in the same look.
 */
package shout.load.command;
