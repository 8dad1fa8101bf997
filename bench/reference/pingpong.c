/*
 * pingpong: the native load client of the shout benchmarks, closed loop or open loop.
 *
 * What the bench scripts drive every server with, so that no JVM sits on the client side: C connections,
 * each keeping DEPTH messages of SIZE lower-case letters in flight; a message is done when SIZE more bytes
 * have come back, and then the next one is sent. Every reply byte is checked against what the server
 * must send (PROTOCOL.md): connection i sends the letters a..z in a repeating cycle starting at letter
 * i mod 26, so a lost, doubled, reordered or crossed byte shows up wherever it falls.
 * It connects, runs WARMUP seconds unmeasured, then measures DURATION seconds and stops.
 * Latency of a message: from the send() that wrote its first byte to the recv() that completed it.
 *
 * With -R RATE it runs an open loop instead: RATE messages a second in all, each thread's share due at fixed
 * times in turn over its connections, whatever the replies do; a message is timed from when it was due, so a
 * late send counts against it, and a message due while its connection already has DEPTH in flight is not sent
 * (counted as held). -T TICK_US batches: the thread wakes at most once a tick, reads every reply that came
 * meanwhile and sends everything due (replies are then timed when read, up to a tick late); -T 0 wakes for
 * each reply and each due send. It exists to show what an open loop costs a client that does nothing else.
 *
 * usage: pingpong [-h HOST] [-p PORT] [-c CONNS] [-s SIZE] [-P DEPTH] [-d SECS] [-w SECS] [-t THREADS]
 *                 [-m upper|echo|none] [-R RATE [-T TICK_US]]
 *   defaults: 127.0.0.1, 9000, 1 connection, 64 B, depth 1, 10 s measured after 2 s warm-up, 1 thread,
 *   replies checked as upper-cased (echo: as sent, for plain echo servers; none: not checked).
 *
 * Output, one line of key=value on stdout (the bench scripts parse it by key):
 *   conns size depth threads secs    the settings, secs the measured window as it really was
 *   rt/s MB/s                        round trips completed in the window per second; reply bytes (1e6) per second
 *   p50_us p99_us p999_us max_us     latency of the window's round trips (log-linear buckets, about 3%)
 *   errors conn_fail mismatches      connections lost to an error or an early close; connects that failed;
 *                                    replies with at least one wrong byte (all over the whole run)
 *   connected active                 connections that connected; that completed a round trip in the window
 *   per_conn_rt_min max              fewest and most round trips of one connection in the window
 *   client_cpu                       this process's user + system CPU over the window, % of one core
 *   cpuN=B%(uU/sS/siI/stT)           each cpu's busy % over the window from /proc/stat: user, system,
 *                                    irq + softirq, and steal (time the hypervisor gave to someone else)
 *   rate tick_us held late_p50_us late_p99_us    open loop only: the settings, messages not sent because
 *                                    their connection was full, and how late sends left against their due time
 * Exit status: 0; 1 on any error, failed connect or mismatch, or no round trip at all; 2 on bad usage.
 * Build: make -C bench/reference (see the Makefile there).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "stats.h"

enum { CHUNK = 64 * 1024, MAX_EVENTS = 512, LETTERS = 26 };
enum check { CHECK_UPPER, CHECK_ECHO, CHECK_NONE };

struct settings {
    const char *host, *port;
    long conns, size, depth, threads;
    double duration, warmup;
    enum check check;
    double rate;                 /* open loop: messages a second in all; 0 for the closed loop */
    long tick_us;                /* open loop: the least time between two wake-ups; 0 wakes for everything */
};

struct connection {
    int fd;
    bool connected;
    unsigned interest;
    unsigned phase;              /* the letter this connection's stream starts with */
    uint64_t queued;             /* bytes of the messages issued so far, a stream offset */
    uint64_t sent, received;     /* stream offsets reached by send() and by recv() */
    uint64_t bad_message;        /* the last message counted as a mismatch, plus one */
    uint64_t round_trips;        /* completed in the measured window */
    uint64_t *sent_at;           /* DEPTH slots: when message m's first byte went out, in slot m % DEPTH */
};

struct worker {
    pthread_t thread;
    struct connection *conns;
    long n;
    int epoll;
    struct latency_histogram latency;
    uint64_t round_trips, reply_bytes, errors, conn_fail, mismatches;
    long unsettled;              /* connections still connecting */
    /* open loop: message j of this thread is due at schedule_start + j * interval_ns, on connection j % n */
    uint64_t schedule_start, next_send, held;
    double interval_ns;
    struct latency_histogram lateness;
    unsigned char inbox[CHUNK];
};

static struct settings cfg = { "127.0.0.1", "9000", 1, 64, 1, 1, 10, 2, CHECK_UPPER, 0, 200 };
static struct addrinfo *target;
static uint64_t measure_from_ns, end_ns;
static atomic_bool measuring;
/* LETTERS + CHUNK bytes of a..z repeating, and what the server must send back for them */
static unsigned char outgoing[LETTERS + CHUNK], expected[LETTERS + CHUNK];

static uint64_t now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

static void drop(struct worker *w, struct connection *c, bool as_error) {
    if (c->fd < 0) return;
    close(c->fd);
    c->fd = -1;
    if (as_error) w->errors++;
}

static void set_interest(struct worker *w, struct connection *c, unsigned want) {
    if (want == c->interest) return;
    struct epoll_event e = { .events = want, .data.ptr = c };
    if (epoll_ctl(w->epoll, EPOLL_CTL_MOD, c->fd, &e) < 0) drop(w, c, true);
    else c->interest = want;
}

/* Sends what is queued until the socket stops taking it; stamps each message whose first byte went out. */
static void pump(struct worker *w, struct connection *c) {
    uint64_t size = (uint64_t)cfg.size;
    while (c->sent < c->queued) {
        size_t len = c->queued - c->sent < CHUNK ? (size_t)(c->queued - c->sent) : CHUNK;
        ssize_t n = send(c->fd, outgoing + (c->sent + c->phase) % LETTERS, len, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR) continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK) break;
            drop(w, c, true);
            return;
        }
        uint64_t now = now_ns();
        for (uint64_t m = (c->sent + size - 1) / size; cfg.rate == 0 && m * size < c->sent + (uint64_t)n; m++)
            c->sent_at[m % (uint64_t)cfg.depth] = now;   /* the open loop stamped each with its due time */
        c->sent += (uint64_t)n;
    }
    set_interest(w, c, EPOLLIN | (c->sent < c->queued ? EPOLLOUT : 0u));
}

/* Counts each message with a wrong byte once; the stream offsets say which message a byte belongs to. */
static void check_reply(struct worker *w, struct connection *c, const unsigned char *got, size_t n) {
    const unsigned char *want = (cfg.check == CHECK_UPPER ? expected : outgoing) + (c->received + c->phase) % LETTERS;
    if (memcmp(got, want, n) == 0) return;
    for (size_t i = 0; i < n; i++) {
        uint64_t message = (c->received + i) / (uint64_t)cfg.size;
        if (got[i] != want[i] && c->bad_message != message + 1) {
            c->bad_message = message + 1;
            w->mismatches++;
        }
    }
}

static void receive(struct worker *w, struct connection *c) {
    ssize_t n = recv(c->fd, w->inbox, CHUNK, 0);
    if (n < 0) {
        if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) drop(w, c, true);
        return;
    }
    if (n == 0 || c->received + (uint64_t)n > c->sent) {   /* closed early, or bytes nobody sent */
        if (n > 0) w->mismatches++;
        drop(w, c, true);
        return;
    }
    uint64_t now = now_ns();
    if (cfg.check != CHECK_NONE) check_reply(w, c, w->inbox, (size_t)n);
    bool counted = atomic_load_explicit(&measuring, memory_order_relaxed);
    uint64_t size = (uint64_t)cfg.size, done = c->received / size;
    c->received += (uint64_t)n;
    if (counted) w->reply_bytes += (uint64_t)n;
    for (; done < c->received / size; done++) {
        if (counted) {
            latency_record(&w->latency, now - c->sent_at[done % (uint64_t)cfg.depth]);
            w->round_trips++;
            c->round_trips++;
        }
        if (now < end_ns && cfg.rate == 0) c->queued += size;   /* the next takes the finished one's place */
    }
    pump(w, c);
}

static void on_connected(struct worker *w, struct connection *c) {
    int error = 0;
    socklen_t len = sizeof error;
    w->unsettled--;
    if (getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &error, &len) < 0 || error != 0) {
        close(c->fd);
        c->fd = -1;
        w->conn_fail++;
        return;
    }
    c->connected = true;
    c->queued = cfg.rate > 0 ? 0 : (uint64_t)cfg.size * (uint64_t)cfg.depth;
    pump(w, c);
}

static void start_connect(struct worker *w, struct connection *c) {
    c->fd = socket(target->ai_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (c->fd >= 0) {
        int on = 1;
        setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
        if (connect(c->fd, target->ai_addr, target->ai_addrlen) == 0 || errno == EINPROGRESS) {
            c->interest = EPOLLOUT;   /* writable once connected, or failed */
            struct epoll_event e = { .events = EPOLLOUT, .data.ptr = c };
            if (epoll_ctl(w->epoll, EPOLL_CTL_ADD, c->fd, &e) == 0) return;
        }
        close(c->fd);
        c->fd = -1;
    }
    w->conn_fail++;
    w->unsettled--;
}

static void dispatch(struct worker *w, const struct epoll_event *events, int n) {
    for (int i = 0; i < n; i++) {
        struct connection *c = events[i].data.ptr;
        if (c->fd < 0) continue;                      /* dropped earlier in this batch */
        if (!c->connected) on_connected(w, c);
        else if (events[i].events & (EPOLLIN | EPOLLERR | EPOLLHUP)) receive(w, c);
        else pump(w, c);
    }
}

static void sleep_until(uint64_t when_ns) {
    struct timespec t = { (time_t)(when_ns / 1000000000u), (long)(when_ns % 1000000000u) };
    while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &t, NULL) == EINTR) {
    }
}

static uint64_t due_ns(const struct worker *w, uint64_t message) {
    return w->schedule_start + (uint64_t)((double)message * w->interval_ns);
}

/* Sends every message due by now, each stamped with its due time and its lateness recorded. */
static void send_due(struct worker *w, uint64_t now) {
    uint64_t size = (uint64_t)cfg.size;
    for (uint64_t due; (due = due_ns(w, w->next_send)) <= now; ) {
        struct connection *c = &w->conns[w->next_send++ % (uint64_t)w->n];
        if (c->fd < 0 || !c->connected) continue;
        if (c->queued - c->received >= size * (uint64_t)cfg.depth) {
            w->held++;
            continue;
        }
        c->sent_at[(c->queued / size) % (uint64_t)cfg.depth] = due;
        c->queued += size;
        if (atomic_load_explicit(&measuring, memory_order_relaxed)) latency_record(&w->lateness, now_ns() - due);
        pump(w, c);
    }
}

/* The open loop (see the header): the schedule starts once this thread's connections are settled. */
static void run_open(struct worker *w, struct epoll_event *events) {
    uint64_t tick = (uint64_t)cfg.tick_us * 1000u;
    w->interval_ns = 1e9 * (double)cfg.conns / (cfg.rate * (double)w->n);
    for (uint64_t now = now_ns(); now < end_ns; now = now_ns()) {
        if (w->schedule_start == 0 && w->unsettled > 0) {
            dispatch(w, events, epoll_wait(w->epoll, events, MAX_EVENTS, 1));
            continue;
        }
        if (w->schedule_start == 0) w->schedule_start = now;
        send_due(w, now);
        uint64_t wake = due_ns(w, w->next_send), soonest = now + tick;
        wake = wake > soonest ? wake : soonest;
        wake = wake < end_ns ? wake : end_ns;
        if (tick > 0) {
            sleep_until(wake);
            int n;
            do {
                n = epoll_wait(w->epoll, events, MAX_EVENTS, 0);
                dispatch(w, events, n);
            } while (n == MAX_EVENTS);
        } else {
            uint64_t at = now_ns(), left = wake > at ? wake - at : 0;
            struct timespec t = { (time_t)(left / 1000000000u), (long)(left % 1000000000u) };
            dispatch(w, events, epoll_pwait2(w->epoll, events, MAX_EVENTS, &t, NULL));
        }
    }
}

static void *run_worker(void *arg) {
    struct worker *w = arg;
    struct epoll_event events[MAX_EVENTS];
    w->unsettled = w->n;
    for (long i = 0; i < w->n; i++) start_connect(w, &w->conns[i]);
    if (cfg.rate > 0) run_open(w, events);
    for (uint64_t now = now_ns(); cfg.rate == 0 && now < end_ns; now = now_ns()) {
        int timeout_ms = (int)((end_ns - now) / 1000000u) + 1;
        dispatch(w, events, epoll_wait(w->epoll, events, MAX_EVENTS, timeout_ms < 100 ? timeout_ms : 100));
    }
    for (long i = 0; i < w->n; i++) drop(w, &w->conns[i], false);
    return NULL;
}

static double cpu_seconds(void) {
    struct rusage u;
    getrusage(RUSAGE_SELF, &u);
    return (double)(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + (double)(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

static void usage(void) {
    fprintf(stderr, "usage: pingpong [-h HOST] [-p PORT] [-c CONNS] [-s SIZE] [-P DEPTH] [-d SECS] [-w SECS] "
                    "[-t THREADS] [-m upper|echo|none] [-R RATE [-T TICK_US]]\n");
    exit(2);
}

static long count_arg(const char *text, long max) {
    char *end;
    errno = 0;
    long v = strtol(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0' || v < 1 || v > max) usage();
    return v;
}

static double seconds_arg(const char *text, double min) {
    char *end;
    errno = 0;
    double v = strtod(text, &end);
    if (errno != 0 || end == text || *end != '\0' || !(v >= min) || v > 86400) usage();
    return v;
}

static double rate_arg(const char *text) {
    char *end;
    errno = 0;
    double v = strtod(text, &end);
    if (errno != 0 || end == text || *end != '\0' || !(v > 0) || v > 1e9) usage();
    return v;
}

static void parse(int argc, char **argv) {
    bool tick_given = false;
    for (int o; (o = getopt(argc, argv, "h:p:c:s:P:d:w:t:m:R:T:")) != -1;) {
        switch (o) {
        case 'h': cfg.host = optarg; break;
        case 'p': count_arg(optarg, 65535); cfg.port = optarg; break;
        case 'c': cfg.conns = count_arg(optarg, 1000000); break;
        case 's': cfg.size = count_arg(optarg, 1 << 24); break;
        case 'P': cfg.depth = count_arg(optarg, 1 << 16); break;
        case 'd': cfg.duration = seconds_arg(optarg, 0.001); break;
        case 'w': cfg.warmup = seconds_arg(optarg, 0); break;
        case 't': cfg.threads = count_arg(optarg, 1024); break;
        case 'm':
            if (strcmp(optarg, "upper") == 0) cfg.check = CHECK_UPPER;
            else if (strcmp(optarg, "echo") == 0) cfg.check = CHECK_ECHO;
            else if (strcmp(optarg, "none") == 0) cfg.check = CHECK_NONE;
            else usage();
            break;
        case 'R': cfg.rate = rate_arg(optarg); break;
        case 'T': cfg.tick_us = strcmp(optarg, "0") == 0 ? 0 : count_arg(optarg, 1000000); tick_given = true; break;
        default: usage();
        }
    }
    if (optind != argc || (tick_given && cfg.rate == 0)) usage();
    if (cfg.threads > cfg.conns) cfg.threads = cfg.conns;
}

static void prepare(void) {
    for (size_t i = 0; i < sizeof outgoing; i++) {
        outgoing[i] = (unsigned char)('a' + i % LETTERS);
        expected[i] = (unsigned char)('A' + i % LETTERS);
    }
    struct addrinfo hints = { .ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM, .ai_flags = AI_NUMERICSERV };
    int rc = getaddrinfo(cfg.host, cfg.port, &hints, &target);
    if (rc != 0) {
        fprintf(stderr, "pingpong: cannot resolve %s: %s\n", cfg.host, gai_strerror(rc));
        exit(2);
    }
    signal(SIGPIPE, SIG_IGN);
    struct rlimit files;     /* room for every connection, as far as the hard limit goes */
    if (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < (rlim_t)cfg.conns + 64) {
        files.rlim_cur = files.rlim_max;
        setrlimit(RLIMIT_NOFILE, &files);
    }
}

static struct worker *start_workers(void) {
    struct worker *workers = calloc((size_t)cfg.threads, sizeof *workers);
    struct connection *conns = calloc((size_t)cfg.conns, sizeof *conns);
    uint64_t *stamps = calloc((size_t)(cfg.conns * cfg.depth), sizeof *stamps);
    if (workers == NULL || conns == NULL || stamps == NULL) {
        fprintf(stderr, "pingpong: out of memory\n");
        exit(1);
    }
    for (long i = 0; i < cfg.conns; i++) {
        conns[i].fd = -1;
        conns[i].phase = (unsigned)(i % LETTERS);
        conns[i].sent_at = stamps + i * cfg.depth;
    }
    for (long t = 0, first = 0; t < cfg.threads; t++) {
        struct worker *w = &workers[t];
        w->conns = conns + first;
        w->n = cfg.conns / cfg.threads + (t < cfg.conns % cfg.threads);
        first += w->n;
        w->epoll = epoll_create1(EPOLL_CLOEXEC);
        errno = w->epoll < 0 ? errno : pthread_create(&w->thread, NULL, run_worker, w);
        if (w->epoll < 0 || errno != 0) {
            fprintf(stderr, "pingpong: cannot start worker %ld: %s\n", t, strerror(errno));
            exit(1);
        }
    }
    return workers;
}

int main(int argc, char **argv) {
    parse(argc, argv);
    prepare();
    uint64_t start = now_ns();
    measure_from_ns = start + (uint64_t)(cfg.warmup * 1e9);
    end_ns = measure_from_ns + (uint64_t)(cfg.duration * 1e9);
    struct worker *workers = start_workers();

    sleep_until(measure_from_ns);
    struct cpu_sample before, after;
    cpu_sample_read(&before);
    double cpu_before = cpu_seconds();
    uint64_t window_start = now_ns();
    atomic_store(&measuring, true);
    sleep_until(end_ns);
    atomic_store(&measuring, false);
    uint64_t window_end = now_ns();
    double cpu_after = cpu_seconds();
    cpu_sample_read(&after);

    struct totals sum = { .per_conn_min = UINT64_MAX };
    struct latency_histogram lateness = { 0 };
    uint64_t held = 0;
    for (long t = 0; t < cfg.threads; t++) {
        struct worker *w = &workers[t];
        pthread_join(w->thread, NULL);
        latency_merge(&sum.latency, &w->latency);
        sum.round_trips += w->round_trips;
        sum.reply_bytes += w->reply_bytes;
        sum.errors += w->errors;
        sum.conn_fail += w->conn_fail;
        sum.mismatches += w->mismatches;
        latency_merge(&lateness, &w->lateness);
        held += w->held;
        for (long i = 0; i < w->n; i++) {
            const struct connection *c = &w->conns[i];
            sum.connected += c->connected;
            sum.active += c->round_trips > 0;
            if (c->round_trips < sum.per_conn_min) sum.per_conn_min = c->round_trips;
            if (c->round_trips > sum.per_conn_max) sum.per_conn_max = c->round_trips;
        }
    }
    double secs = (double)(window_end - window_start) / 1e9;
    printf("conns=%ld size=%ld depth=%ld threads=%ld ", cfg.conns, cfg.size, cfg.depth, cfg.threads);
    print_totals(stdout, &sum, secs, cpu_after - cpu_before);
    print_cpu_busy(stdout, &before, &after);
    if (cfg.rate > 0)
        printf(" rate=%.0f tick_us=%ld held=%llu late_p50_us=%.1f late_p99_us=%.1f", cfg.rate, cfg.tick_us,
               (unsigned long long)held, latency_percentile_us(&lateness, 0.50), latency_percentile_us(&lateness, 0.99));
    printf("\n");
    free(workers[0].conns[0].sent_at);   /* the first connection's slots start the one array of them all */
    free(workers[0].conns);
    free(workers);
    freeaddrinfo(target);
    return (sum.errors || sum.conn_fail || sum.mismatches || sum.round_trips == 0) ? 1 : 0;
}
