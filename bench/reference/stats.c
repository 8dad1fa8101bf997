/*
 * stats.c: pingpong's latency histogram, its totals line and the per-cpu busy time (see stats.h).
 */
#include "stats.h"

#include <string.h>

enum { EXACT = 64, SUB_BITS = 5, SUB = 1 << SUB_BITS };

static int bucket_of(uint64_t ns) {
    if (ns < EXACT) return (int)ns;
    int shift = 63 - __builtin_clzll(ns) - SUB_BITS;
    return (shift + 1) * SUB + (int)((ns >> shift) - SUB);
}

/* The largest value bucket i holds: a percentile is never reported below the real latency. */
static uint64_t bucket_top(int i) {
    if (i < EXACT) return (uint64_t)i;
    int shift = i / SUB - 1;
    return (((uint64_t)(i % SUB + SUB) + 1) << shift) - 1;
}

void latency_record(struct latency_histogram *h, uint64_t ns) {
    h->counts[bucket_of(ns)]++;
    if (ns > h->max_ns) h->max_ns = ns;
}

void latency_merge(struct latency_histogram *into, const struct latency_histogram *from) {
    for (int i = 0; i < LATENCY_BUCKETS; i++) into->counts[i] += from->counts[i];
    if (from->max_ns > into->max_ns) into->max_ns = from->max_ns;
}

static double percentile_us(const struct latency_histogram *h, uint64_t total, double fraction) {
    if (total == 0) return 0;
    uint64_t rank = (uint64_t)(fraction * (double)total + 0.999999), seen = 0;
    if (rank < 1) rank = 1;
    for (int i = 0; i < LATENCY_BUCKETS; i++) {
        seen += h->counts[i];
        if (seen >= rank) {
            uint64_t top = bucket_top(i);
            return (double)(top < h->max_ns ? top : h->max_ns) / 1e3;
        }
    }
    return (double)h->max_ns / 1e3;
}

double latency_percentile_us(const struct latency_histogram *h, double fraction) {
    uint64_t total = 0;
    for (int i = 0; i < LATENCY_BUCKETS; i++) total += h->counts[i];
    return percentile_us(h, total, fraction);
}

void print_totals(FILE *out, const struct totals *t, double secs, double cpu_secs) {
    uint64_t n = t->round_trips;
    fprintf(out, "secs=%.2f rt/s=%.0f MB/s=%.2f p50_us=%.1f p99_us=%.1f p999_us=%.1f max_us=%.1f "
                 "errors=%llu conn_fail=%llu mismatches=%llu connected=%llu active=%llu "
                 "per_conn_rt_min=%llu max=%llu client_cpu=%.0f%%",
            secs, (double)n / secs, (double)t->reply_bytes / secs / 1e6, percentile_us(&t->latency, n, 0.50),
            percentile_us(&t->latency, n, 0.99), percentile_us(&t->latency, n, 0.999), (double)t->latency.max_ns / 1e3,
            (unsigned long long)t->errors, (unsigned long long)t->conn_fail, (unsigned long long)t->mismatches,
            (unsigned long long)t->connected, (unsigned long long)t->active,
            (unsigned long long)(t->per_conn_min == UINT64_MAX ? 0 : t->per_conn_min),
            (unsigned long long)t->per_conn_max, 100 * cpu_secs / secs);
}

/* Fields of a cpuN line: user nice system idle iowait irq softirq steal (guest time is inside user already). */
void cpu_sample_read(struct cpu_sample *s) {
    memset(s, 0, sizeof *s);
    FILE *f = fopen("/proc/stat", "r");
    if (f == NULL) return;
    char line[512];
    while (fgets(line, sizeof line, f) != NULL) {
        unsigned long long v[8] = { 0 };
        int cpu;
        if (strncmp(line, "cpu", 3) != 0 || line[3] < '0' || line[3] > '9') continue;
        if (sscanf(line + 3, "%d %llu %llu %llu %llu %llu %llu %llu %llu", &cpu, &v[0], &v[1], &v[2], &v[3], &v[4],
                   &v[5], &v[6], &v[7]) < 5 || cpu < 0 || cpu >= MAX_CPUS) continue;
        s->cpu[cpu].user = v[0] + v[1];
        s->cpu[cpu].system = v[2];
        s->cpu[cpu].idle = v[3] + v[4];
        s->cpu[cpu].interrupts = v[5] + v[6];
        s->cpu[cpu].steal = v[7];
        for (int k = 0; k < 8; k++) s->cpu[cpu].total += v[k];
        if (cpu >= s->count) s->count = cpu + 1;
    }
    fclose(f);
}

void print_cpu_busy(FILE *out, const struct cpu_sample *before, const struct cpu_sample *after) {
    for (int i = 0; i < after->count && i < MAX_CPUS; i++) {
        double total = (double)(after->cpu[i].total - before->cpu[i].total);
        if (i >= before->count || total <= 0) continue;
        double idle = (double)(after->cpu[i].idle - before->cpu[i].idle);
        fprintf(out, " cpu%d=%.0f%%(u%.0f/s%.0f/si%.0f/st%.0f)", i, 100 * (total - idle) / total,
                100 * (double)(after->cpu[i].user - before->cpu[i].user) / total,
                100 * (double)(after->cpu[i].system - before->cpu[i].system) / total,
                100 * (double)(after->cpu[i].interrupts - before->cpu[i].interrupts) / total,
                100 * (double)(after->cpu[i].steal - before->cpu[i].steal) / total);
    }
}
