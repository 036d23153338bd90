package dev.tracelane;

import dev.tracelane.boot.Database;
import dev.tracelane.boot.DatabaseLocator;
import dev.tracelane.boot.JwtSecret;
import dev.tracelane.demo.DemoRefusedException;
import io.micronaut.runtime.Micronaut;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts Tracelane. {@code --demo} seeds demo orgs, users and shipments into a fresh {@code tracelane_demo}
 * database and drives their trackers. Before Micronaut starts, it finds a PostgreSQL (configured, local, or
 * embedded) and the JWT secret, because both must be known to the context from the first bean on.
 */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        boolean demo = Arrays.asList(args).contains("--demo");
        Path home = Path.of(System.getenv().getOrDefault("TRACELANE_HOME", ".tracelane"));
        Database database = new DatabaseLocator(home, System.getenv(), DatabaseLocator.LOCAL_SERVER)
                .locate(demo ? "tracelane_demo" : "tracelane", demo);
        System.out.println("Tracelane database: " + database.description());
        Map<String, Object> properties = new HashMap<>(database.properties());
        properties.put("tracelane.jwt-secret", JwtSecret.resolve(home, System.getenv()));
        if (demo) {
            properties.put("tracelane.demo.enabled", true);
            properties.putIfAbsent("tracelane.admin-password",
                    System.getenv().getOrDefault("TRACELANE_ADMIN_PASSWORD", "demo-admin-password"));
        }
        Micronaut.build(args).mainClass(Application.class).properties(properties)
                .mapError(DemoRefusedException.class, Application::refuse).start();
    }

    /** Says what to do instead, without a stack trace, and exits as Micronaut would have. */
    private static int refuse(DemoRefusedException e) {
        System.err.println(e.getMessage());
        System.exit(2);
        return 2;
    }
}
