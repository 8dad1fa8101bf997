/**
 * The load client's I/O engines behind one interface: Poller and PolledSocket, the JDK selector
 * engine (NioPoller) and, built on JDK 22+ from src/main/java22, Linux epoll called through the
 * foreign function API (EpollPoller, Libc). It uses shout.load for the error kinds and nothing
 * of the engine above it.
 */
package shout.load.io;
