package shout.server;

/** Netty's I/O transport. {@code AUTO} takes the best native one that loads here, else NIO. */
public enum Transport {
    AUTO, NIO, EPOLL, IO_URING
}
