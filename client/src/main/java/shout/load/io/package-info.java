/**
 * The load client's I/O engines behind one interface: Poller, generic over what each socket
 * carries, and PolledSocket; the JDK selector engine (NioPoller) and, built on JDK 22+ from
 * src/main/java22, Linux epoll called through the foreign function API (EpollPoller, EpollSocket,
 * Libc). Poller.classify turns their failures into shout.load's error kinds, from errno where there
 * is one. It uses shout.load and nothing of the engine above it.
 */
package shout.load.io;
