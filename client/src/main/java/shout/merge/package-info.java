/**
 * The shout merge command: MergeCommand reads each input into a RunFile (a load --json report, or an
 * HdrHistogram log through HdrLogRun), MergedRun adds them into one LoadReport, MergeWarnings says what
 * makes the sum questionable, and MergePrinter prints it in shout load's look. It uses shout.load (the
 * report), shout.load.command (only ReportPrinter) and shout.cli.
 */
package shout.merge;
