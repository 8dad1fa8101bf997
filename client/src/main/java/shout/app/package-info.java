/**
 * The jar's entry point: ShoutMain registers the server, chat, load, compare and merge commands, the
 * launcher script's test, build and bench as help-only entries (LauncherCommand), picocli's help
 * command and the bash completion command, and hands compare its own class as the main class of
 * compare's child processes. Nothing depends on it.
 */
package shout.app;
