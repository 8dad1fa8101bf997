/**
 * Checks that keep the documentation true, run by {@code ./shout test}: every relative link and anchor in
 * {@code README.md} and {@code docs/} resolves, every {@code shout} command line they quote parses with the real
 * command definitions, the README keeps its line budget, and the reference pages under {@code docs/reference/}
 * match the picocli annotations they are generated from. Uses the command tree of {@code shout.app} and reads
 * files only; it starts no server.
 */
package shout.docs;
