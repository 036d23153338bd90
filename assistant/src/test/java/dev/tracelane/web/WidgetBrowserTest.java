package dev.tracelane.web;

import dev.tracelane.chat.Reefers;
import dev.tracelane.tracking.Api;
import dev.tracelane.tracking.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The widget in headless Chromium, embedded with the documented snippet in a page of another origin, against the
 * whole service on a real database. The service runs on a fixed port of its own so a test can restart it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WidgetBrowserTest {
    private int port;
    private EmbeddedServer server;
    private HttpClient client;
    private Api api;
    private Browser browser;
    private HostSite host;
    private String shipper;
    private String carrier;
    private String siteKey;
    private String reference;

    @BeforeAll
    void aShipperSiteWithATruckNearJoliet() throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        startService();
        browser = Browser.start();
        host = new HostSite();
        shipper = api.org("shipper");
        carrier = api.org("carrier");
        String trackerId = Api.unique("trk");
        String trackerToken = api.tracker(trackerId, carrier);
        reference = Reefers.create(api, shipper, carrier, trackerId);
        Reefers.report(port, trackerToken, Instant.now().minusSeconds(60), 41.58, -88.00, 5.0);
        siteKey = site(List.of(host.origin()));
    }

    @AfterAll
    void stop() throws IOException {
        if (browser != null) {
            browser.close();
        }
        if (host != null) {
            host.close();
        }
        stopService();
    }

    @Test
    void theWidgetOnAnotherSiteAnswersWhereIsAShipment() {
        browser.open(host.embed("/where", service(), siteKey, customer(reference)));
        browser.inWidget(".launcher").click();
        browser.inWidget("textarea").sendKeys("where is " + reference + "?", Keys.ENTER);
        String answer = answer(1);
        assertThat(answer).contains(reference).contains("near Joliet, IL");
        assertThat(browser.driver().findElements(By.cssSelector("[data-tracelane]"))).hasSize(1);
        assertThat(browser.script("return getComputedStyle(arguments[0]).color", browser.inWidget(".tl")))
                .as("the host's CSS stays outside").isEqualTo("rgb(26, 31, 41)");
        browser.screenshot("widget-answer");
    }

    @Test
    void anAlertArrivesAsACardAndAnUnreadBadgeWithoutTakingTheFocus() throws Exception {
        String trackerId = Api.unique("trk");
        String trackerToken = api.tracker(trackerId, carrier);
        String warming = Reefers.create(api, shipper, carrier, trackerId);
        browser.open(host.embed("/alert", service(), siteKey, customer(warming)));
        browser.inWidget(".status[data-state=online]");
        browser.script("document.querySelector('a').focus()");
        Reefers.warmUp(port, trackerToken);
        WebElement card = browser.inWidget(".card");
        String unread = browser.inWidget(".badge").getText();
        assertThat(Integer.parseInt(unread)).as("one per alert (excursion, stop...)").isPositive();
        assertThat(browser.inWidget(".launcher").getAttribute("aria-label")).endsWith(" unread");
        assertThat(browser.script("return document.activeElement.tagName")).isEqualTo("A");
        browser.screenshot("widget-alert-badge");
        browser.inWidget(".launcher").click();
        assertThat(browser.inWidget(".badge").isDisplayed()).isFalse();
        assertThat(card.getAttribute("class")).containsAnyOf("warning", "critical");
        assertThat(card.getText()).contains(warming);
        assertThat(card.findElement(By.cssSelector("a")).getAttribute("href")).contains(warming);
        assertThat(card.findElement(By.cssSelector("button")).getText()).isEqualTo("Ask about this");
        browser.screenshot("widget-alert-card");
    }

    @Test
    void aPageOfAnOriginNotOnTheAllowListCannotConnect() {
        String elsewhere = site(List.of("http://127.0.0.1:1"));
        browser.open(host.embed("/refused", service(), elsewhere, customer(reference)));
        browser.until(d -> (Boolean) browser.script("return window.events.indexOf('error') >= 0"));
        assertThat(browser.inWidget(".status").getAttribute("data-state")).isIn("reconnecting", "offline");
    }

    @Test
    void theWidgetWorksWithTheKeyboardAlone() {
        browser.open(host.embed("/keyboard", service(), siteKey, customer(reference)));
        WebElement launcher = browser.inWidget(".launcher");
        Actions keys = new Actions(browser.driver());
        for (int i = 0; i < 4 && !"launcher".equals(focusedInWidget()); i++) {
            keys.sendKeys(Keys.TAB).perform();
        }
        assertThat(focusedInWidget()).isEqualTo("launcher");
        assertThat(browser.script("return getComputedStyle(arguments[0]).outlineStyle", launcher))
                .as("focus is visible").isEqualTo("solid");
        keys.sendKeys(Keys.ENTER).perform();
        assertThat(launcher.getAttribute("aria-expanded")).isEqualTo("true");
        assertThat(focusedInWidget()).isEqualTo("tl-input");
        keys.sendKeys("where is " + reference + "?").sendKeys(Keys.ENTER).perform();
        assertThat(answer(1)).contains("near Joliet, IL");
        keys.sendKeys(Keys.ESCAPE).perform();
        assertThat(launcher.getAttribute("aria-expanded")).isEqualTo("false");
        assertThat(browser.inWidget(".panel").isDisplayed()).isFalse();
        assertThat(focusedInWidget()).isEqualTo("launcher");
    }

    @Test
    void theWidgetReconnectsAfterTheServiceRestartsAndAReloadShowsTheHistory() {
        browser.open(host.embed("/restart", service(), siteKey, customer(reference)));
        browser.inWidget(".launcher").click();
        browser.inWidget("textarea").sendKeys("where is " + reference + "?", Keys.ENTER);
        answer(1);
        stopService();
        browser.until(d -> !"online".equals(browser.inWidget(".status").getAttribute("data-state")));
        startService();
        browser.until(d -> browser.inWidget(".status[data-state=online]"));
        browser.inWidget("textarea").sendKeys("when will it arrive?", Keys.ENTER);
        answer(2);
        browser.driver().navigate().refresh();
        browser.inWidget(".launcher").click();
        browser.until(d -> browser.widget().findElements(By.cssSelector(".msg.bot")).size() == 2);
        assertThat(browser.widget().findElements(By.cssSelector(".msg.user"))).extracting(WebElement::getText)
                .containsExactly("where is " + reference + "?", "when will it arrive?");
        browser.screenshot("widget-history-after-restart");
    }

    /** The text of the n-th finished answer, once it is final. */
    private String answer(int n) {
        return browser.until(d -> {
            List<WebElement> done = browser.widget().findElements(By.cssSelector(".msg.bot:not([aria-busy])"));
            return done.size() >= n ? done.get(n - 1).getText() : null;
        });
    }

    private String focusedInWidget() {
        return (String) browser.script("var a = document.querySelector('[data-tracelane]').shadowRoot.activeElement;"
                + "return a ? (a.id || a.className) : null");
    }

    private void startService() {
        Map<String, Object> properties = new HashMap<>(TestDatabase.datasource(TestDatabase.NAME, false));
        properties.put("micronaut.server.port", port);
        server = ApplicationContext.run(EmbeddedServer.class, properties, Environment.TEST);
        client = HttpClient.create(server.getURL());
        api = new Api(client.toBlocking());
    }

    private void stopService() {
        client.close();
        server.close();
    }

    private String service() {
        return "http://localhost:" + port;
    }

    /** A customer of the shipper limited to one shipment: the token the host site's backend hands the widget. */
    private String customer(String shipment) {
        return api.user(shipper, List.of("customer"), List.of(shipment));
    }

    private String site(List<String> origins) {
        String admin = api.user(shipper, List.of("admin"), List.of());
        return (String) api.post("/api/sites", Map.of("name", "Shop", "origins", origins), admin).get("siteKey");
    }
}
