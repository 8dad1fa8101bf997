/*
 * epoll_upper: the native reference server of the shout benchmarks.
 *
 * What the bench scripts hold the shout modes against: the least a Linux server for PROTOCOL.md can be.
 * One thread per event loop, level-triggered epoll, non-blocking sockets, and per connection one fixed
 * buffer of BUFFER_BYTES (the same bound as `shout server --buffer`): bytes read are upper-cased in place
 * and written straight back; what the socket does not take waits in the buffer under EPOLLOUT, and while
 * the buffer is full the connection is not read, so TCP's window holds a client that writes without
 * reading. A half-close from the client is answered with every owed byte, then a close.
 * Not a shout mode: no idle timeout, no connection cap, no graceful stop (SIGTERM ends it at once).
 *
 * usage: epoll_upper PORT [THREADS [BIND_ADDR]]
 *   PORT       0-65535; 0 takes a free port, and the line on stderr says which
 *   THREADS    event loops, default 1; above 1 each loop has its own SO_REUSEPORT listener
 *   BIND_ADDR  a numeric IPv4 or IPv6 address, default 127.0.0.1
 * Prints one line to stderr once it listens: `epoll_upper: listening on ADDR port N, K event loop(s)`. Exit 2 on bad arguments, 1 when it cannot listen.
 * Build: make -C bench/reference (see the Makefile there).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

enum { BUFFER_BYTES = 16 * 1024, MAX_EVENTS = 256, MAX_THREADS = 255 };

struct connection {
    int fd;
    bool input_ended;        /* the client half-closed: answer what is owed, then close */
    unsigned interest;       /* the epoll events registered now */
    size_t head, tail;       /* buffer[head, tail) is upper-cased and not yet written */
    unsigned char buffer[BUFFER_BYTES];
};

struct loop {
    pthread_t thread;
    int listener;
    int epoll;
    int spare_fd;            /* given up when descriptors run out, to accept and drop the waiting client */
};

static struct loop loops[MAX_THREADS];
static const char *bind_addr = "127.0.0.1";
static const char *port_text;
static int listener_tag;     /* its address marks the listener's event; connections carry their pointer */

static void fail(const char *what) {
    fprintf(stderr, "epoll_upper: %s: %s\n", what, strerror(errno));
    exit(1);
}

/* Only a-z change: 0x20 is subtracted exactly where a byte is one of the 26 lower-case letters. */
static unsigned char upper_byte(unsigned char b) {
    return (unsigned char)(b - (((unsigned)b - 'a' < 26u) << 5));
}

/* Eight bytes at a time, so that large messages cost the native floor no more than they must. Each byte's
 * low seven bits plus (0x80 - 'a') carry into its top bit when they are at least 'a', plus (0x80 - '{') when
 * they are past 'z'; no carry crosses a byte, as every sum stays below 0x100. Bytes with the top bit set are
 * never letters. The marked top bits, shifted down to 0x20, are what each letter loses. */
static uint64_t upper_word(uint64_t w) {
    const uint64_t ones = 0x0101010101010101u, low7 = 0x7f * ones, top = 0x80 * ones;
    uint64_t seven = w & low7;
    uint64_t from_a = seven + (0x80 - 'a') * ones, past_z = seven + (0x80 - 'z' - 1) * ones;
    return w - (((from_a & ~past_z & ~w) & top) >> 2);
}

static void upper_case(unsigned char *bytes, size_t n) {
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, bytes + i, 8);     /* compiles to one unaligned load */
        w = upper_word(w);
        memcpy(bytes + i, &w, 8);
    }
    for (; i < n; i++) bytes[i] = upper_byte(bytes[i]);
}

/* After a bind to port 0, the port the system chose, so that every further loop listens on the same one. */
static void keep_bound_port(int listener) {
    static char chosen[8];
    struct sockaddr_storage addr;
    socklen_t len = sizeof addr;
    if (getsockname(listener, (struct sockaddr *)&addr, &len) < 0) fail("getsockname");
    in_port_t port = addr.ss_family == AF_INET6 ? ((struct sockaddr_in6 *)&addr)->sin6_port
                                                : ((struct sockaddr_in *)&addr)->sin_port;
    snprintf(chosen, sizeof chosen, "%u", (unsigned)ntohs(port));
    port_text = chosen;
}

static int open_listener(bool reuse_port) {
    struct addrinfo hints = { .ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM,
                              .ai_flags = AI_PASSIVE | AI_NUMERICHOST | AI_NUMERICSERV };
    struct addrinfo *addr;
    int rc = getaddrinfo(bind_addr, port_text, &hints, &addr);
    if (rc != 0) {
        fprintf(stderr, "epoll_upper: bad address %s port %s: %s\n", bind_addr, port_text, gai_strerror(rc));
        exit(2);
    }
    int fd = socket(addr->ai_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) fail("socket");
    int on = 1;
    if (setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on) < 0) fail("SO_REUSEADDR");
    if (reuse_port && setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &on, sizeof on) < 0) fail("SO_REUSEPORT");
    if (bind(fd, addr->ai_addr, addr->ai_addrlen) < 0) fail("bind");
    if (listen(fd, SOMAXCONN) < 0) fail("listen");
    freeaddrinfo(addr);
    return fd;
}

static void close_connection(struct connection *c) {
    close(c->fd);            /* closing also takes it out of the epoll set */
    free(c);
}

/* Writes what is owed until the socket stops taking it. False when the connection failed. */
static bool flush(struct connection *c) {
    while (c->head < c->tail) {
        ssize_t n = send(c->fd, c->buffer + c->head, c->tail - c->head, MSG_NOSIGNAL);
        if (n > 0) {
            c->head += (size_t)n;
        } else if (errno == EAGAIN || errno == EWOULDBLOCK) {
            return true;
        } else if (errno != EINTR) {
            return false;
        }
    }
    c->head = c->tail = 0;   /* all written: the whole buffer is free again */
    return true;
}

/* One read per readiness: level-triggered epoll reports the rest, and the other connections get their turn. */
static bool read_some(struct connection *c) {
    ssize_t n = recv(c->fd, c->buffer + c->tail, BUFFER_BYTES - c->tail, 0);
    if (n > 0) {
        upper_case(c->buffer + c->tail, (size_t)n);
        c->tail += (size_t)n;
        return true;
    }
    if (n == 0) {
        c->input_ended = true;
        return true;
    }
    return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR;
}

static void serve(int epoll, struct connection *c, unsigned events) {
    bool ok = true;
    if (events & EPOLLERR) ok = false;
    if (ok && (events & (EPOLLIN | EPOLLHUP)) && !c->input_ended && c->tail < BUFFER_BYTES) ok = read_some(c);
    if (ok) ok = flush(c);
    if (!ok || (c->input_ended && c->head == c->tail)) {
        close_connection(c);
        return;
    }
    /* EPOLLOUT only while bytes are owed, or the loop spins; EPOLLIN only while there is room to read into. */
    unsigned want = (!c->input_ended && c->tail < BUFFER_BYTES ? EPOLLIN : 0u) | (c->head < c->tail ? EPOLLOUT : 0u);
    if (want != c->interest) {
        struct epoll_event e = { .events = want, .data.ptr = c };
        if (epoll_ctl(epoll, EPOLL_CTL_MOD, c->fd, &e) < 0) {
            close_connection(c);
            return;
        }
        c->interest = want;
    }
}

static void add_connection(struct loop *l, int fd) {
    int on = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);   /* a reply goes out at once, as in shout */
    struct connection *c = malloc(sizeof *c);                   /* not calloc: untouched buffer pages stay unmapped */
    if (c == NULL) {
        close(fd);
        return;
    }
    c->fd = fd;
    c->input_ended = false;
    c->interest = EPOLLIN;
    c->head = c->tail = 0;
    struct epoll_event e = { .events = EPOLLIN, .data.ptr = c };
    if (epoll_ctl(l->epoll, EPOLL_CTL_ADD, fd, &e) < 0) close_connection(c);
}

static void accept_all(struct loop *l) {
    for (;;) {
        int fd = accept4(l->listener, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd >= 0) {
            add_connection(l, fd);
        } else if (errno == EAGAIN || errno == EWOULDBLOCK) {
            return;
        } else if ((errno == EMFILE || errno == ENFILE) && l->spare_fd >= 0) {
            /* Out of descriptors: a waiting client would keep the level-triggered listener ready for ever,
             * so free the spare, accept that client, close it and take the spare back. */
            fprintf(stderr, "epoll_upper: out of file descriptors, a connection is dropped\n");
            close(l->spare_fd);
            int dropped = accept(l->listener, NULL, NULL);
            if (dropped >= 0) close(dropped);
            l->spare_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
        } else if (errno != EINTR && errno != ECONNABORTED) {
            fprintf(stderr, "epoll_upper: accept: %s\n", strerror(errno));
            return;
        }
    }
}

static void *run_loop(void *arg) {
    struct loop *l = arg;
    struct epoll_event events[MAX_EVENTS];
    for (;;) {
        int n = epoll_wait(l->epoll, events, MAX_EVENTS, -1);
        if (n < 0) {
            if (errno == EINTR) continue;
            fail("epoll_wait");
        }
        for (int i = 0; i < n; i++) {
            if (events[i].data.ptr == &listener_tag) accept_all(l);
            else serve(l->epoll, events[i].data.ptr, events[i].events);
        }
    }
    return NULL;
}

static long whole_number(const char *text, long min, long max) {
    char *end;
    errno = 0;
    long v = strtol(text, &end, 10);
    return (errno != 0 || end == text || *end != '\0' || v < min || v > max) ? -1 : v;
}

int main(int argc, char **argv) {
    long threads = 1;
    if (argc < 2 || argc > 4 || whole_number(argv[1], 0, 65535) < 0
        || (argc > 2 && (threads = whole_number(argv[2], 1, MAX_THREADS)) < 0)) {
        fprintf(stderr, "usage: epoll_upper PORT [THREADS [BIND_ADDR]]   (PORT 0-65535, THREADS 1-%d)\n", MAX_THREADS);
        return 2;
    }
    port_text = argv[1];
    if (argc > 3) bind_addr = argv[3];
    signal(SIGPIPE, SIG_IGN);
    struct rlimit files;     /* as many connections as the hard limit allows */
    if (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
        files.rlim_cur = files.rlim_max;
        setrlimit(RLIMIT_NOFILE, &files);
    }

    for (long i = 0; i < threads; i++) {
        struct loop *l = &loops[i];
        l->listener = open_listener(threads > 1);
        if (i == 0) keep_bound_port(l->listener);
        l->epoll = epoll_create1(EPOLL_CLOEXEC);
        if (l->epoll < 0) fail("epoll_create1");
        l->spare_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
        struct epoll_event e = { .events = EPOLLIN, .data.ptr = &listener_tag };
        if (epoll_ctl(l->epoll, EPOLL_CTL_ADD, l->listener, &e) < 0) fail("epoll_ctl");
    }
    fprintf(stderr, "epoll_upper: listening on %s port %s, %ld event loop%s\n", bind_addr, port_text, threads,
            threads == 1 ? "" : "s");
    for (long i = 1; i < threads; i++) {
        errno = pthread_create(&loops[i].thread, NULL, run_loop, &loops[i]);
        if (errno != 0) fail("pthread_create");
        char name[16];       /* the main thread keeps the program's name; i < MAX_THREADS fits in 3 digits */
        snprintf(name, sizeof name, "epoll_upper-%u", (unsigned)(unsigned char)i);
        pthread_setname_np(loops[i].thread, name);
    }
    run_loop(&loops[0]);     /* the main thread is the first loop */
    return 0;
}
