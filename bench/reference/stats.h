/*
 * stats.h: what pingpong measures and how it prints it: a latency histogram, the totals of a run, and
 * the per-cpu busy time from /proc/stat. The output keys are the ones the bench scripts parse.
 */
#ifndef SHOUT_REFERENCE_STATS_H
#define SHOUT_REFERENCE_STATS_H

#include <stdint.h>
#include <stdio.h>

/* Log-linear buckets of nanoseconds: exact below 64, then 32 per power of two (about 3% wide). */
enum { LATENCY_BUCKETS = 64 * 32, MAX_CPUS = 1024 };

struct latency_histogram {
    uint64_t counts[LATENCY_BUCKETS];
    uint64_t max_ns;
};

struct totals {
    struct latency_histogram latency;
    uint64_t round_trips, reply_bytes, errors, conn_fail, mismatches;
    uint64_t connected, active, per_conn_min, per_conn_max;
};

/* One reading of /proc/stat's per-cpu lines, in clock ticks. */
struct cpu_sample {
    int count;                   /* entries used in cpu[]; a cpu that is offline has total 0 */
    struct { uint64_t user, system, interrupts, steal, idle, total; } cpu[MAX_CPUS];
};

void latency_record(struct latency_histogram *h, uint64_t ns);
void latency_merge(struct latency_histogram *into, const struct latency_histogram *from);
/* The latency below which FRACTION of the recorded values fall, in microseconds (0 when empty). */
double latency_percentile_us(const struct latency_histogram *h, double fraction);
void cpu_sample_read(struct cpu_sample *s);
/* secs= rt/s= MB/s= p50_us= p99_us= p999_us= max_us= errors= conn_fail= mismatches= connected= active=
 * per_conn_rt_min= max= client_cpu=, space separated, no line end. */
void print_totals(FILE *out, const struct totals *t, double secs, double cpu_secs);
/* " cpuN=B%(uU/sS/siI/stT)" for each cpu that ticked between the two samples. */
void print_cpu_busy(FILE *out, const struct cpu_sample *before, const struct cpu_sample *after);

#endif
