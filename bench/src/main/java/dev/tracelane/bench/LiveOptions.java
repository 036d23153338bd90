package dev.tracelane.bench;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * Options of the live fan-out bench; bounded like the ingest bench's, and loopback only.
 *
 * @param shipments   moving shipments, one tracker socket each
 * @param followers   sockets each following one shipment's topic
 * @param fleet       fleet dashboards
 * @param slow        fleet dashboards that stop reading (they should be conflated, then closed with 4008)
 */
record LiveOptions(URI url, String adminPassword, int shipments, int followers, int fleet, int slow,
                   double ratePerTracker, int warmupSeconds, int durationSeconds) {

    static final String USAGE = """
            usage: java -cp bench/target/tracelane-bench.jar dev.tracelane.bench.LiveBench [options]
              --url URL             service base URL (loopback only)          [http://127.0.0.1:8080]
              --admin-password PW   platform admin password                   [$TRACELANE_ADMIN_PASSWORD]
              --shipments N         moving shipments (tracker sockets), 1..10000  [5000]
              --followers N         sockets following one shipment each, 0..15000 [9900]
              --fleet N             fleet dashboards, 0..500                  [100]
              --slow N              fleet dashboards that stop reading, 0..10 [1]
              --rate R              events/s per tracker                      [1]
              --warmup S            seconds before measuring                  [10]
              --duration S          seconds measured, 1..600                  [60]
            """;

    static LiveOptions parse(String[] args, Map<String, String> env) {
        Map<String, String> given = pairs(args);
        URI url = url(given);
        String password = adminPassword(given, env);
        return new LiveOptions(url, password, bounded(given, "--shipments", 5000, 1, 10_000),
                bounded(given, "--followers", 9900, 0, 15_000), bounded(given, "--fleet", 100, 0, 500),
                bounded(given, "--slow", 1, 0, 10), Double.parseDouble(given.getOrDefault("--rate", "1")),
                bounded(given, "--warmup", 10, 0, 300), bounded(given, "--duration", 60, 1, 600));
    }

    /** {@code --url}, loopback only. */
    static URI url(Map<String, String> given) {
        URI url = URI.create(given.getOrDefault("--url", "http://127.0.0.1:8080"));
        Options.requireLoopback(url.getHost(), "--url");
        return url;
    }

    /** {@code --admin-password}, else {@code TRACELANE_ADMIN_PASSWORD}; required. */
    static String adminPassword(Map<String, String> given, Map<String, String> env) {
        String password = given.getOrDefault("--admin-password", env.getOrDefault("TRACELANE_ADMIN_PASSWORD", ""));
        if (password.isEmpty()) {
            throw new IllegalArgumentException("--admin-password or TRACELANE_ADMIN_PASSWORD is required");
        }
        return password;
    }

    /** {@code --name value} pairs by name. */
    static Map<String, String> pairs(String[] args) {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
            }
            given.put(args[i], args[++i]);
        }
        return given;
    }

    static int bounded(Map<String, String> given, String name, int fallback, int min, int max) {
        int value = Integer.parseInt(given.getOrDefault(name, Integer.toString(fallback)));
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be within " + min + ".." + max);
        }
        return value;
    }
}
