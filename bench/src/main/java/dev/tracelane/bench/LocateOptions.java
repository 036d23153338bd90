package dev.tracelane.bench;

import java.net.URI;
import java.util.Map;

/**
 * Options of the "where is it now" bench; loopback only.
 *
 * @param shipments   shipments queried, one tracker each
 * @param history     readings stored per shipment before the queries start, within one connection's burst
 * @param concurrency clients asking at once, each waiting for its answer before asking again
 * @param jdbcUrl     where to count the stored positions, or null to skip the count
 */
record LocateOptions(URI url, String adminPassword, int shipments, int history, int concurrency, int warmupSeconds,
                     int durationSeconds, String jdbcUrl, String dbUser, String dbPassword) {

    static final String USAGE = """
            usage: java -cp bench/target/tracelane-bench.jar dev.tracelane.bench.LocateBench [options]
              --url URL             service base URL (loopback only)          [http://127.0.0.1:8080]
              --admin-password PW   platform admin password                   [$TRACELANE_ADMIN_PASSWORD]
              --shipments N         shipments queried, 1..5000                [200]
              --history N           readings stored per shipment first, 1..10000 [1000]
              --concurrency N       clients asking at once, 1..64             [4]
              --warmup S            seconds of queries before measuring       [10]
              --duration S          seconds measured, 1..600                  [30]
              --jdbc URL            count the stored positions here, or none  [none]
              --db-user U / --db-password P                                   [postgres / $PGPASSWORD]
            """;

    static LocateOptions parse(String[] args, Map<String, String> env) {
        Map<String, String> given = LiveOptions.pairs(args);
        URI url = LiveOptions.url(given);
        String password = LiveOptions.adminPassword(given, env);
        String jdbc = given.getOrDefault("--jdbc", "none");
        if (!jdbc.equals("none")) {
            Options.requireLoopback(URI.create(jdbc.substring("jdbc:".length())).getHost(), "--jdbc");
        }
        return new LocateOptions(url, password, LiveOptions.bounded(given, "--shipments", 200, 1, 5_000),
                LiveOptions.bounded(given, "--history", 1_000, 1, 10_000),
                LiveOptions.bounded(given, "--concurrency", 4, 1, 64),
                LiveOptions.bounded(given, "--warmup", 10, 0, 300), LiveOptions.bounded(given, "--duration", 30, 1, 600),
                jdbc.equals("none") ? null : jdbc, given.getOrDefault("--db-user", "postgres"),
                given.getOrDefault("--db-password", env.getOrDefault("PGPASSWORD", "postgres")));
    }
}
