/**
 * The child processes of a compare run and what they cost: a spawned server, the load client as
 * a child, /proc sampling, and killing whatever is left. It uses shout.compare.plan,
 * shout.compare.result, shout.load and shout.cli (ChildJvm). The entry point its children run is
 * handed down from shout.app, which it never uses.
 */
package shout.compare.process;
