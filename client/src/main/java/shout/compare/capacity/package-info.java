/**
 * The capacity search of {@code compare --slo}: a state machine per connection count that says which offered rate
 * to try next on each target and takes each step's outcome, with no timing or I/O of its own, so that a simulated
 * server can drive it. It uses shout.compare.plan (the target and the search's rules), shout.compare.result (what a
 * step measured, what the search found) and shout.load (the load report's latencies).
 */
package shout.compare.capacity;
