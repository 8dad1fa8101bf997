package shout.server.metrics;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import java.io.IOException;
import java.net.InetAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import shout.cli.HostPort;
import shout.server.ServerStats;

/**
 * {@code --metrics-port}: the server's counters in the Prometheus text format at
 * {@code http://HOST:PORT/metrics}, served by the Prometheus client's exporter on the JDK's HTTP
 * server. Threading: the JDK's dispatcher thread accepts, and one named daemon thread
 * ({@code metrics-http-0}) answers the scrapes; {@link #close()} stops both.
 */
public final class MetricsEndpoint implements AutoCloseable {

    /** The key of the start line's word that names the endpoint: {@code metrics=http://127.0.0.1:9100/metrics}. */
    public static final String START_LINE_KEY = "metrics";
    private static final String PATH = "/metrics";

    private final HTTPServer http;
    private final ExecutorService threads;
    private final HostPort address;

    private MetricsEndpoint(HTTPServer http, ExecutorService threads, HostPort address) {
        this.http = http;
        this.threads = threads;
        this.address = address;
    }

    /**
     * Serves {@code stats} on {@code host:port} (port 0 picks a free one); returns once bound. Throws
     * {@link java.net.BindException} if the port is taken, and then leaves nothing running.
     */
    public static MetricsEndpoint start(ServerStats stats, MetricLabels labels, String host, int port) throws IOException {
        ExecutorService threads = Executors.newFixedThreadPool(1, Thread.ofPlatform().name("metrics-http-", 0).daemon(true).factory());
        try {
            HTTPServer http = HTTPServer.builder().inetAddress(InetAddress.getByName(host)).port(port)
                    .registry(ServerMetrics.registry(stats, labels)).metricsHandlerPath(PATH).executorService(threads)
                    .buildAndStart();
            return new MetricsEndpoint(http, threads, new HostPort(host, http.getPort()));
        } catch (IOException | RuntimeException e) {
            threads.close();
            throw e;
        }
    }

    /** Where it listens: the real port, even when 0 was asked for. */
    public HostPort address() {
        return address;
    }

    /** {@code http://127.0.0.1:9100/metrics}. */
    public String url() {
        return "http://" + address + PATH;
    }

    /** Stops the HTTP server and waits for its thread to end. Safe to call twice. */
    @Override
    public void close() {
        http.close();
        threads.close();
    }
}
