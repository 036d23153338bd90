package dev.tracelane.web;

import dev.tracelane.chat.Reefers;
import dev.tracelane.tracking.Api;
import dev.tracelane.tracking.TestDatabase;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The dashboard and the public tracking page in headless Chromium, following trucks live. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagesBrowserTest implements TestDatabase {
    @Inject
    EmbeddedServer server;
    @Inject
    @Client("/")
    HttpClient client;

    private Api api;
    private Browser browser;
    private String carrier;
    private String shipper;

    @BeforeAll
    void start() throws IOException {
        api = new Api(client.toBlocking());
        carrier = api.org("carrier");
        shipper = api.org("shipper");
        browser = Browser.start();
    }

    @AfterAll
    void stop() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theDashboardMarkerMovesWhenAPositionIsIngested() throws Exception {
        Truck truck = truck();
        Reefers.report(server.getPort(), truck.token, Instant.now().minusSeconds(3600), 41.88, -87.63, 5.0);
        String coordinator = api.user(carrier, List.of("coordinator"), List.of());
        browser.open(page("/dashboard#token=" + coordinator));
        assertThat(markerOf(truck.reference, 41.88)).containsExactly(41.88, -87.63);
        Reefers.report(server.getPort(), truck.token, Instant.now().minusSeconds(60), 42.35, -87.83, 5.0);
        assertThat(markerOf(truck.reference, 42.35)).containsExactly(42.35, -87.83);
        browser.until(d -> d.findElement(By.cssSelector("tr[data-ref='" + truck.reference + "']")));
        browser.screenshot("dashboard");
    }

    @Test
    void theTrackingPageOfAShareLinkShowsTheShipmentAndFollowsItLive() throws Exception {
        Truck truck = truck();
        Reefers.report(server.getPort(), truck.token, Instant.now().minusSeconds(3600), 41.88, -87.63, 5.0);
        String url = share(truck.reference);
        browser.open(page(url));
        String shown = browser.until(d -> {
            String ref = d.findElement(By.id("ref")).getText();
            return ref.isEmpty() ? null : ref;
        });
        assertThat(shown).isEqualTo(truck.reference);
        assertThat(browser.driver().findElement(By.id("route")).getText()).isEqualTo("Chicago, IL → Milwaukee, WI");
        assertThat(browser.driver().findElement(By.id("status")).getText()).isIn("planned", "in transit");
        assertThat(browser.driver().findElements(By.cssSelector("#milestones li"))).hasSizeGreaterThanOrEqualTo(2);
        String seen = browser.driver().findElement(By.id("seen")).getText();
        Reefers.report(server.getPort(), truck.token, Instant.now().minusSeconds(30), 42.35, -87.83, 5.0);
        browser.until(d -> !d.findElement(By.id("seen")).getText().equals(seen));
        browser.inWidget("textarea").sendKeys("where is it?\n");
        browser.until(d -> browser.widget().findElements(By.cssSelector(".msg.bot:not([aria-busy])")).stream()
                .anyMatch(m -> m.getText().contains(truck.reference)));
        browser.screenshot("track");
    }

    @Test
    void theDashboardTakesAnAcknowledgedAlertOffItsOpenList() throws Exception {
        Truck truck = truck();
        Reefers.warmUp(server.getPort(), truck.token);
        String coordinator = api.user(carrier, List.of("coordinator"), List.of());
        browser.open(page("/dashboard#token=" + coordinator));
        WebElement open = browser.until(d -> d.findElements(By.cssSelector("#alerts li[data-id]")).stream()
                .filter(li -> li.getText().contains(truck.reference)).findFirst().orElse(null));
        By acknowledged = By.cssSelector("#alerts li[data-id='" + open.getAttribute("data-id") + "']");
        open.findElement(By.tagName("button")).click();
        browser.until(d -> d.findElements(acknowledged).isEmpty());
        assertThat(browser.driver().findElement(By.id("alert-count")).getText())
                .isEqualTo(String.valueOf(browser.driver().findElements(By.cssSelector("#alerts li[data-id]")).size()));
    }

    @Test
    void theTrackingPageShowsTheEtaWindowMovingAsTheTruckDrives() throws Exception {
        Truck truck = truck();
        Instant now = Instant.now();
        Reefers.report(server.getPort(), truck.token, now.minusSeconds(3600), 41.88, -87.63, 5.0);
        Reefers.report(server.getPort(), truck.token, now.minusSeconds(2400), 42.10, -87.73, 5.0);
        browser.open(page(share(truck.reference)));
        String first = browser.until(d -> {
            String eta = d.findElement(By.id("eta")).getText();
            return eta.contains("–") ? eta : null;
        });
        Reefers.report(server.getPort(), truck.token, now.minusSeconds(1200), 42.35, -87.83, 5.0);
        browser.until(d -> {
            String eta = d.findElement(By.id("eta")).getText();
            return eta.contains("–") && !eta.equals(first);
        });
        assertThat(browser.driver().findElement(By.id("status")).getText()).isEqualTo("in transit");
    }

    @Test
    void aShareTokenReachesItsShipmentOnly() {
        Truck shared = truck();
        Truck other = truck();
        String token = share(shared.reference).replaceFirst(".*\\?t=", "");
        assertThat(api.get("/api/shipments/" + shared.reference, token).get("reference")).isEqualTo(shared.reference);
        assertThatThrownBy(() -> api.get("/api/shipments/" + other.reference, token))
                .isInstanceOfSatisfying(HttpClientResponseException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(404));
    }

    private record Truck(String reference, String token) {
    }

    /** A Chicago to Milwaukee reefer of the carrier, with a planned route and its own tracker. */
    private Truck truck() {
        String trackerId = Api.unique("trk");
        String token = api.tracker(trackerId, carrier);
        Map<String, Object> extra = new HashMap<>(Map.of("cargo", Map.of("type", "reefer", "tempMin", 2, "tempMax", 8),
                "plannedRoute", Map.of("type", "LineString", "coordinates",
                        List.of(List.of(-87.63, 41.88), List.of(-87.83, 42.35), List.of(-87.91, 43.04)))));
        return new Truck((String) api.shipment(shipper, carrier, trackerId, extra).get("reference"), token);
    }

    private String share(String reference) {
        String coordinator = api.user(carrier, List.of("coordinator"), List.of());
        return (String) api.post("/api/shares", Map.of("reference", reference), coordinator).get("url");
    }

    /** The marker's position once it is at the latitude expected, rounded to 0.01°. */
    @SuppressWarnings("unchecked")
    private List<Double> markerOf(String reference, double lat) {
        return browser.until(d -> {
            List<Number> at = (List<Number>) browser.script("return TracelaneDashboard.position(arguments[0])",
                    reference);
            if (at == null || Math.abs(at.get(0).doubleValue() - lat) > 0.001) {
                return null;
            }
            return at.stream().map(n -> Math.round(n.doubleValue() * 100) / 100.0).toList();
        });
    }

    private String page(String path) {
        return "http://localhost:" + server.getPort() + path;
    }
}
