package dev.tracelane.bench;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Command-line options. Every figure is bounded so a run always ends by itself, and both the service and the
 * database must be on loopback: this generator is meant for the machine it runs on only.
 *
 * @param ratePerTracker events/s each tracker offers on a schedule; 0 sends the next batch as soon as one is answered
 * @param jdbcUrl        where to count stored rows, or empty to skip the check
 */
public record Options(URI url, String adminPassword, int trackers, int batch, int inFlight, int durationSeconds,
               int warmupSeconds, double ratePerTracker, int drainSeconds, Optional<String> jdbcUrl,
               String dbUser, String dbPassword, boolean json) {

    static final String USAGE = """
            usage: java -jar bench/target/tracelane-bench.jar [options]
              --url URL               service base URL (loopback only)        [http://127.0.0.1:8080]
              --admin-password PW     platform admin password                 [$TRACELANE_ADMIN_PASSWORD]
              --trackers N            tracker sockets, 1..15000               [1000]
              --batch N               events per frame, 1..1000               [20]
              --in-flight N           unanswered batches per socket, 1..100   [1]  (ignored with --rate)
              --rate R                events/s per tracker on a schedule, 0 = as fast as acks allow [0]
              --warmup S              seconds before measuring, 0..600        [10]
              --duration S            seconds measured, 1..3600               [60]
              --drain S               seconds to wait for last acks, 1..120   [15]
              --jdbc URL|none         database to count stored rows (loopback only)
                                                                      [jdbc:postgresql://127.0.0.1:5432/tracelane]
              --db-user USER          [postgres]
              --db-password PW        [$PGPASSWORD or empty]
              --json                  print the report as JSON
            """;

    private static final Set<String> KNOWN = Set.of("--url", "--admin-password", "--trackers", "--batch",
            "--in-flight", "--rate", "--warmup", "--duration", "--drain", "--jdbc", "--db-user", "--db-password");

    boolean closedLoop() {
        return ratePerTracker == 0;
    }

    /** Time between two batches of one tracker when sending on a schedule. */
    long intervalNanos() {
        return Math.round(batch / ratePerTracker * 1e9);
    }

    static Options parse(String[] args, Map<String, String> env) {
        Map<String, String> values = new HashMap<>();
        boolean json = false;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--json")) {
                json = true;
            } else if (KNOWN.contains(name) && i + 1 < args.length) {
                values.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("unknown option or missing value: " + name);
            }
        }
        String password = values.getOrDefault("--admin-password", env.get("TRACELANE_ADMIN_PASSWORD"));
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("give --admin-password or set TRACELANE_ADMIN_PASSWORD");
        }
        String jdbc = values.getOrDefault("--jdbc", "jdbc:postgresql://127.0.0.1:5432/tracelane");
        Options options = new Options(
                loopbackHttp(values.getOrDefault("--url", "http://127.0.0.1:8080")),
                password,
                intIn(values, "--trackers", 1000, 1, 15_000),
                intIn(values, "--batch", 20, 1, 1000),
                intIn(values, "--in-flight", 1, 1, 100),
                intIn(values, "--duration", 60, 1, 3600),
                intIn(values, "--warmup", 10, 0, 600),
                rate(values.getOrDefault("--rate", "0")),
                intIn(values, "--drain", 15, 1, 120),
                jdbc.equals("none") ? Optional.empty() : Optional.of(loopbackJdbc(jdbc)),
                values.getOrDefault("--db-user", "postgres"),
                values.getOrDefault("--db-password", env.getOrDefault("PGPASSWORD", "")),
                json);
        if (!options.closedLoop() && options.intervalNanos() < 1_000_000) {
            throw new IllegalArgumentException("--rate / --batch must leave at least 1 ms between batches");
        }
        return options;
    }

    private static int intIn(Map<String, String> values, String name, int fallback, int min, int max) {
        String text = values.get(name);
        int value;
        try {
            value = text == null ? fallback : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number");
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be within " + min + ".." + max);
        }
        return value;
    }

    /** Capped at the service's default per-connection rate: beyond it the bench would only measure refusals. */
    private static double rate(String text) {
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--rate must be a number");
        }
        if (!(value >= 0 && value <= 5000)) {
            throw new IllegalArgumentException("--rate must be within 0..5000 events/s per tracker");
        }
        return value;
    }

    private static URI loopbackHttp(String text) {
        URI uri = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        if (!"http".equals(uri.getScheme())) {
            throw new IllegalArgumentException("--url must be http://host:port");
        }
        requireLoopback(uri.getHost(), "--url");
        return uri;
    }

    private static String loopbackJdbc(String jdbc) {
        if (!jdbc.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("--jdbc must be jdbc:postgresql://host:port/database or none");
        }
        requireLoopback(URI.create(jdbc.substring("jdbc:".length())).getHost(), "--jdbc");
        return jdbc;
    }

    public static void requireLoopback(String host, String option) {
        try {
            if (host != null && InetAddress.getByName(host).isLoopbackAddress()) {
                return;
            }
        } catch (UnknownHostException e) {
            // reported below like any other host that is not loopback
        }
        throw new IllegalArgumentException(option + " must name a loopback host, not " + host);
    }
}
