/**
 * How a compare run is shown: the Markdown tables (cells, capacities), the progress lines, the
 * charts and the results folder. It uses shout.compare.result, shout.compare.plan (the ideal row's name) and
 * shout.load (the load report).
 */
package shout.compare.report;
