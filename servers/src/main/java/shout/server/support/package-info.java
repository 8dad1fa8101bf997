/**
 * The mechanics every thread-based and selector mode shares, written once: the accept loop that
 * pauses instead of spinning when out of descriptors, and closing and joining without losing an
 * error or an interrupt. It uses shout.server only.
 */
package shout.server.support;
