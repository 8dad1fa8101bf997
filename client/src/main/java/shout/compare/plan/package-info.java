/**
 * What a compare run will measure: targets (a mode, a variant, a peer), cells, parts and
 * scenarios, the server work and the CPU pinning. It uses shout.server, shout.server.app (the
 * option types) and shout.cli.
 */
package shout.compare.plan;
