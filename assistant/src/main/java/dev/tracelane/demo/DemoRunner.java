package dev.tracelane.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code ./tracelane demo}: once the server listens, seeds the demo data, prints how to log in, and starts the
 * trucks.
 */
@Singleton
@Requires(property = "tracelane.demo.enabled", value = "true")
public class DemoRunner {
    private final DemoSeeder seeder;
    private final Clock clock;
    private final Duration lead;
    private final double speedup;
    private final String adminPassword;
    private DemoDriver driver;

    DemoRunner(DemoSeeder seeder, Clock clock,
               @Value("${tracelane.demo.lead:PT4H}") Duration lead,
               @Value("${tracelane.demo.speedup:20}") double speedup,
               @Value("${tracelane.admin-password}") String adminPassword) {
        this.seeder = seeder;
        this.clock = clock;
        this.lead = lead;
        this.speedup = speedup;
        this.adminPassword = adminPassword;
    }

    @EventListener
    void onStartup(ServerStartupEvent event) {
        int port = event.getSource().getPort();
        SimulationClock simulation = new SimulationClock(clock, lead, speedup);
        List<TripMotion> trips = DemoPlan.trips(new RoadNetwork(), simulation.start());
        List<DemoSeeder.Login> logins = DemoSeeder.logins();
        Map<String, String> tokens = seeder.seed(trips, logins);
        seeder.site(port);
        driver = new DemoDriver(simulation, trips, tokens, port);
        driver.start();
        System.out.println(banner(port, trips, logins));
    }

    private String banner(int port, List<TripMotion> trips, List<DemoSeeder.Login> logins) {
        StringBuilder b = new StringBuilder("\n=== Tracelane demo on http://localhost:" + port + " ===\n");
        b.append(trips.size()).append(" shipments; trucks replay the last ").append(lead.toHours())
                .append(" h at ").append((int) speedup).append("x, then run in real time.\n");
        b.append("Featured: ");
        trips.stream().filter(t -> t.trip().scenario() != Scenario.NORMAL).forEach(t -> b.append(
                t.trip().reference()).append(" (").append(t.trip().scenario().name().toLowerCase()).append(") "));
        b.append("\nLogins (POST /login):\n");
        b.append(String.format("  %-14s %-22s %s%n", "admin", adminPassword, "platform admin"));
        for (DemoSeeder.Login login : logins) {
            b.append(String.format("  %-14s %-22s %s (%s)%n", login.username(), DemoSeeder.PASSWORD, login.note(),
                    login.role()));
        }
        b.append("Web: http://localhost:").append(port).append("/dashboard, /chat, and the widget on a sample site: ")
                .append("http://localhost:").append(port).append("/widget-demo (site key ").append(DemoSeeder.SITE_KEY)
                .append(")\n");
        b.append("Try: curl -s -X POST localhost:").append(port).append("/login -H 'Content-Type: application/json'")
                .append(" -d '{\"username\":\"coordinator\",\"password\":\"").append(DemoSeeder.PASSWORD)
                .append("\"}'\n");
        return b.toString();
    }

    @PreDestroy
    void stop() {
        if (driver != null) {
            driver.close();
        }
    }
}
