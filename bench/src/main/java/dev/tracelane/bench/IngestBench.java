package dev.tracelane.bench;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Durable ingest throughput and ack latency of {@code WS /ws/trackers} against a running service on loopback
 * (QUALITY.md, "Ingestion and live streams"). Each run registers fresh trackers in an org of its own, so the
 * row count at the end covers exactly this run's events. Progress goes to stderr, the report to stdout.
 * Exit status: 0 when every acked event is stored, 1 when some are missing, 2 when the run could not be made.
 */
public final class IngestBench {
    /** The generator shares two cores with the service and PostgreSQL: a few threads serve every socket. */
    private static final int SOCKET_THREADS = 2;
    private static final int SCHEDULER_THREADS = 2;

    private IngestBench() {
    }

    public static void main(String[] args) {
        int status;
        try {
            if (List.of(args).contains("--help")) {
                System.out.print(Options.USAGE);
                status = 0;
            } else {
                status = run(Options.parse(args, System.getenv()), System.err);
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(Options.USAGE);
            status = 2;
        } catch (Exception e) {
            System.err.println("bench failed: " + e);
            status = 2;
        }
        // socket and scheduler threads may still be winding down; the report is out, so do not wait for them
        System.exit(status);
    }

    private static int run(Options options, PrintStream log) throws Exception {
        ExecutorService socketThreads = Executors.newFixedThreadPool(SOCKET_THREADS, daemon("bench-socket"));
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(SCHEDULER_THREADS, daemon("bench-pace"));
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(socketThreads)
                .build();

        AdminApi admin = AdminApi.login(http, options.url(), options.adminPassword());
        byte[] suffix = new byte[4];
        new SecureRandom().nextBytes(suffix);
        String org = "bench-" + HexFormat.of().formatHex(suffix);
        admin.createOrg(org, "Ingest bench " + org);
        log.printf("org %s: registering %d trackers%n", org, options.trackers());
        List<TrackerCredentials> trackers = new TrackerRegistration(admin, log).register(org, options.trackers());

        Stats stats = new LoadDriver(options, http, scheduler, log).run(trackers);

        OptionalLong stored = OptionalLong.empty();
        if (options.jdbcUrl().isPresent()) {
            stored = OptionalLong.of(RowCounter.count(options.jdbcUrl().get(), options.dbUser(),
                    options.dbPassword(), trackers));
        }
        Report report = Report.of(options, stats, stored);
        System.out.print(options.json() ? report.toJson() + System.lineSeparator() : report.toText());
        return report.lost() > 0 ? 1 : 0;
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
