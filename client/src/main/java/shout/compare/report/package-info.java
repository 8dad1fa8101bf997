/**
 * How a compare run is shown: the Markdown table, the progress lines, the charts and the results
 * folder. It uses shout.compare.result and shout.compare.plan.
 */
package shout.compare.report;
