/**
 * The jar's entry point: ShoutMain registers the server, chat, load and compare commands, picocli's
 * help command and the bash completion command, and hands compare its own class as the main class
 * of compare's child processes. Nothing depends on it.
 */
package shout.app;
