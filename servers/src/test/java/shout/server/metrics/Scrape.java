package shout.server.metrics;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test-side Prometheus scraping: GET a /metrics URL as Prometheus would, and read one sample from the text. */
public final class Scrape {

    private Scrape() {
    }

    /** The body of a successful GET of {@code url}; fails on any other status. */
    public static String get(String url) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("GET " + url + ": status " + response.statusCode());
            }
            return response.body();
        }
    }

    /** Whether a thread whose name starts with {@code prefix} is alive in this JVM: {@code metrics-http-}, {@code stats-log}. */
    public static boolean threadAlive(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().startsWith(prefix) && t.isAlive());
    }

    /** The value of the one sample {@code name{labels}} in {@code text}, e.g. {@code sample(text, "shout_connections_active", "nio", 0)}. */
    public static long sample(String text, String name, String mode, int process) {
        Pattern line = Pattern.compile("^" + Pattern.quote(name + "{mode=\"" + mode + "\",process=\"" + process + "\"}") + " (\\S+)$",
                Pattern.MULTILINE);
        Matcher m = line.matcher(text);
        if (!m.find()) {
            throw new AssertionError("no sample " + name + " for mode " + mode + " process " + process + " in:\n" + text);
        }
        return (long) Double.parseDouble(m.group(1));
    }
}
