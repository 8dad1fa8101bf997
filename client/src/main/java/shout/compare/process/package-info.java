/**
 * The processes of a compare run and what they cost: a spawned server, the load client in this JVM,
 * pinning this JVM and the servers (taskset), /proc sampling (CPU and memory read at the edges of the
 * load's measured window), and killing whatever is left. It uses shout.compare.plan, shout.compare.result,
 * shout.load and shout.cli (ChildJvm). The entry points its children run are handed down from shout.app,
 * which it never uses; a server is reached only through its command line.
 */
package shout.compare.process;
