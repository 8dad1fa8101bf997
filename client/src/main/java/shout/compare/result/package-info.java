/**
 * What a compare run measured: a result per cell, the run's result, the server's cost from /proc
 * and the machine, and what a capacity search found. It uses shout.compare.plan and shout.load (the load report).
 */
package shout.compare.result;
