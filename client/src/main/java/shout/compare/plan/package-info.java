/**
 * What a compare run will measure: targets (a mode, a variant, a peer), the cell settings and the
 * grid, cells, parts and scenarios, the server work and the CPU pinning, and a capacity search's plan
 * (its latency target and rules). It uses the server API
 * (shout.server), the server's option types (shout.server.options), shout.load (the message shape and
 * the rules a load run shares with a cell) and shout.cli.
 */
package shout.compare.plan;
