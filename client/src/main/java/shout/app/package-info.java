/**
 * The jar's entry point: ShoutMain registers the server, chat, load and compare commands, and
 * hands compare its own class as the main class of compare's child processes. Nothing depends on it.
 */
package shout.app;
