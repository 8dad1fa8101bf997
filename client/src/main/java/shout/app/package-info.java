/**
 * The jar's entry point: ShoutMain registers the server, chat, load and compare commands.
 * Nothing depends on it.
 */
package shout.app;
