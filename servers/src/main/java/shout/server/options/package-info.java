/**
 * The server's command-line vocabulary, the part of its contract that {@code shout compare} reads too:
 * the option types for a mode, a transport and the work. It uses shout.server (the API) and shout.cli,
 * and picocli; never the server implementations or shout.server.app.
 */
package shout.server.options;
