/**
 * What a running server tells about itself while it runs: its counters as Prometheus metrics over
 * HTTP (MetricsEndpoint, through the Prometheus Java client; ServerMetrics maps the counters to
 * metrics read at scrape time) and as a periodic log line (StatsLog), both labelled by
 * MetricLabels. It uses shout.server's ServerStats, shout.cli's HostPort and the Prometheus client,
 * and nothing of the mode packages: the hot path gains no work.
 */
package shout.server.metrics;
