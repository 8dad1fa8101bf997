/**
 * The processes of a compare run and what they cost: a spawned server, the load client in this JVM
 * (or as a child), pinning this JVM and the servers (taskset), /proc sampling, and killing whatever is left. It uses shout.compare.plan,
 * shout.compare.result, shout.load and shout.cli (ChildJvm). The entry point its children run is
 * handed down from shout.app, which it never uses.
 */
package shout.compare.process;
