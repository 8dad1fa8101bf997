/**
 * The mechanics every mode shares, written once: binding the listener (Listener), the accept loop
 * that pauses instead of spinning when out of descriptors (AcceptLoop), admission under the cap
 * (Admission, Admitted), the idle timeout in its blocking, selector and timer forms (IdleTimeout),
 * the accepted socket's options (ConnectionOptions), and closing and joining without losing an error
 * or an interrupt (Lifecycle). It uses shout.server only.
 */
package shout.server.support;
