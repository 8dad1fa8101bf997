package shout.server.metrics;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.function.IntSupplier;
import java.util.function.ToLongFunction;
import shout.server.ServerStats;

/**
 * The server's counters as Prometheus metrics: counters and gauges whose callbacks read
 * {@link ServerStats} when a scrape asks, so serving connections does no work for them. Thread-safe:
 * the callbacks read only the stats' adders.
 */
final class ServerMetrics {

    private ServerMetrics() {
    }

    /** A registry of its own (never the global one, so several servers in one JVM do not collide) holding {@code stats}' metrics. */
    static PrometheusRegistry registry(ServerStats stats, MetricLabels labels) {
        PrometheusRegistry registry = new PrometheusRegistry();
        counter(registry, "shout_connections_accepted", "Connections admitted under the cap.", stats, labels, ServerStats.Snapshot::accepted);
        counter(registry, "shout_connections_rejected", "Connections closed at once because the cap was reached.", stats, labels, ServerStats.Snapshot::rejected);
        counter(registry, "shout_connections_idle_closed", "Connections closed by the idle timeout.", stats, labels, ServerStats.Snapshot::idleClosed);
        counter(registry, "shout_received_bytes", "Bytes read from clients.", stats, labels, ServerStats.Snapshot::bytesIn);
        counter(registry, "shout_sent_bytes", "Bytes written back to clients.", stats, labels, ServerStats.Snapshot::bytesOut);
        gauge(registry, "shout_connections_active", "Connections open now.", labels, stats::active);
        gauge(registry, "shout_connections_limit", "The cap: connections open at once (--max-connections).", labels, stats::maxConnections);
        return registry;
    }

    private static void counter(PrometheusRegistry registry, String name, String help, ServerStats stats, MetricLabels labels,
                                ToLongFunction<ServerStats.Snapshot> read) {
        String[] values = labels.values();
        CounterWithCallback.builder().name(name).help(help).labelNames(MetricLabels.NAMES)
                .callback(metric -> metric.call(read.applyAsLong(stats.snapshot()), values))
                .register(registry);
    }

    private static void gauge(PrometheusRegistry registry, String name, String help, MetricLabels labels,
                              IntSupplier read) {
        String[] values = labels.values();
        GaugeWithCallback.builder().name(name).help(help).labelNames(MetricLabels.NAMES)
                .callback(metric -> metric.call(read.getAsInt(), values))
                .register(registry);
    }
}
