package dev.tracelane.tools.search;

import dev.tracelane.tools.locate.Location;
import dev.tracelane.tools.locate.Locator;
import dev.tracelane.tracking.Api;
import dev.tracelane.tracking.Eventually;
import dev.tracelane.tracking.SocketClient;
import dev.tracelane.tracking.TestDatabase;
import dev.tracelane.tracking.shipment.Scope;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The scoped queries the assistant's tools wrap, on a carrier with three shipments (one not yet departed) and a
 * competitor with one parked in the same city: locate, search (near a place, late, temperature, destination) and the fleet summary.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ToolServicesTest implements TestDatabase {
    private static final Map<String, Object> DALLAS = Map.of("name", "Dallas, TX", "lat", 32.7767, "lon", -96.7970);

    @Inject
    EmbeddedServer server;
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Locator locator;
    @Inject
    ShipmentSearch search;
    @Inject
    Fleet fleet;

    private Scope carrier;
    private String overdue;
    private String warm;
    private String competitors;

    @BeforeAll
    void twoCarriers() throws Exception {
        Api api = new Api(client.toBlocking());
        String org = api.org("carrier");
        carrier = new Scope(false, true, false, false, org, new String[0]);
        Instant now = Instant.now();
        overdue = shipment(api, org, Map.of("destination", DALLAS,
                "promisedArrival", Map.of("until", now.minusSeconds(3_600).toString())), 41.58, -88.00, null);
        warm = shipment(api, org, Map.of("destination", DALLAS,
                "cargo", Map.of("type", "reefer", "tempMin", 2, "tempMax", 8)), 32.80, -96.80, 11.5);
        api.shipment(api.org("shipper"), org, null, Map.of());
        competitors = shipment(api, api.org("carrier"), Map.of("destination", DALLAS), 32.78, -96.79, null);
    }

    @Test
    void locateNamesThePlaceAndTheReadings() {
        Location at = locator.locate(carrier, overdue).orElseThrow();
        assertThat(at.place()).isEqualTo("near Joliet, IL (9 km NE of the centre)");
        assertThat(at.destination()).isEqualTo("Dallas, TX");
        assertThat(at.minutesSinceSeen()).isBetween(0L, 5L);
        assertThat(at.speedKmh()).isEqualTo(90.0);
        assertThat(locator.locate(carrier, warm).orElseThrow().cargoRange()).isEqualTo("2.0 to 8.0 °C");
    }

    @Test
    void aShipmentOutOfScopeIsNotFoundLikeAMissingOne() {
        assertThat(locator.locate(carrier, competitors)).isEmpty();
        assertThat(locator.locate(carrier, "NO-SUCH-REF")).isEmpty();
    }

    @Test
    void searchNearAPlaceFindsOnlyTheCallersShipmentsThere() {
        SearchResult result = search.search(carrier, SearchCriteria.all(50).withNear("dallas", 50));
        assertThat(result.place()).isEqualTo("Dallas, TX");
        assertThat(result.shipments()).extracting(ShipmentSummary::ref).containsExactly(warm);
        assertThat(result.shipments().get(0).kmFromPlace()).isLessThan(5);
    }

    @Test
    void anUnknownPlaceIsSaidToBeUnknown() {
        SearchResult result = search.search(carrier, SearchCriteria.all(50).withNear("Xqzzyville", 50));
        assertThat(result.placeUnknown()).isTrue();
        assertThat(result.shipments()).isEmpty();
    }

    @Test
    void searchFindsLateShipmentsWithTheirReasonAndByDestination() {
        List<ShipmentSummary> late = search.search(carrier, SearchCriteria.all(50).withLate(true)
                .withDestination("dallas")).shipments();
        assertThat(late).extracting(ShipmentSummary::ref).containsExactly(overdue);
        assertThat(late.get(0).lateReason()).isEqualTo("past promise");
    }

    @Test
    void aDestinationNamedByItsStateFindsTheLoadsGoingThere() {
        assertThat(search.search(carrier, SearchCriteria.all(50).withDestination("texas"))
                .shipments()).extracting(ShipmentSummary::ref).containsExactlyInAnyOrder(overdue, warm);
    }

    @Test
    void searchFindsTheLoadsDueByATimeFromTheirEta() throws Exception {
        Instant now = Instant.now();
        assertThat(Eventually.found(() -> Optional.of(due(null, now.plus(Duration.ofDays(3))))
                .filter(due -> due.size() == 2))).containsExactlyInAnyOrder(warm, overdue);
        assertThat(due(null, now.plus(Duration.ofHours(2)))).containsExactly(warm);
    }

    @Test
    void searchLeavesOutTheLoadsDueBeforeTheTimeAskedFrom() throws Exception {
        Instant now = Instant.now();
        Eventually.found(() -> Optional.of(due(null, now.plus(Duration.ofDays(3)))).filter(due -> due.size() == 2));
        assertThat(due(now.plus(Duration.ofHours(2)), now.plus(Duration.ofDays(3)))).containsExactly(overdue);
    }

    private List<String> due(Instant from, Instant by) {
        return search.search(carrier, SearchCriteria.all(50).withArriving(from, by)).shipments().stream()
                .map(ShipmentSummary::ref).toList();
    }

    @Test
    void searchFindsLoadsThatHaveNotReportedForTheGivenMinutes() throws Exception {
        Api api = new Api(client.toBlocking());
        String org = api.org("carrier");
        Scope scope = new Scope(false, true, false, false, org, new String[0]);
        String quiet = shipment(api, org, Map.of(), 42.40, -87.80, null, Instant.now().minusSeconds(2 * 3_600));
        shipment(api, org, Map.of(), 42.40, -87.80, null);
        assertThat(search.search(scope, SearchCriteria.all(50).withSilentMinutes(60))
                .shipments()).extracting(ShipmentSummary::ref).containsExactly(quiet);
    }

    @Test
    void aDestinationWrittenWithoutItsPunctuationOrAbbreviationIsFound() throws Exception {
        Api api = new Api(client.toBlocking());
        String org = api.org("carrier");
        Scope scope = new Scope(false, true, false, false, org, new String[0]);
        String stLouis = shipment(api, org, Map.of("destination", Map.of("name", "St. Louis, MO", "lat", 38.627,
                "lon", -90.1994)), 40.0, -89.0, null);
        for (String said : List.of("St Louis", "Saint Louis", "st. louis")) {
            assertThat(search.search(scope, SearchCriteria.all(50).withDestination(said))
                    .shipments()).as(said).extracting(ShipmentSummary::ref).containsExactly(stLouis);
        }
    }

    @Test
    void aStateFindsDestinationsWrittenWithOrWithoutACommaAndItsCodeIsNoSubstring() throws Exception {
        Api api = new Api(client.toBlocking());
        String org = api.org("carrier");
        Scope scope = new Scope(false, true, false, false, org, new String[0]);
        String austin = shipment(api, org, Map.of("destination", Map.of("name", "Austin TX", "lat", 30.2672,
                "lon", -97.7431)), 41.0, -88.5, null);
        String gary = shipment(api, org, Map.of("destination", Map.of("name", "Gary IN", "lat", 41.5934,
                "lon", -87.3464)), 41.7, -87.5, null);
        assertThat(search.search(scope, SearchCriteria.all(50).withDestination("Texas"))
                .shipments()).extracting(ShipmentSummary::ref).containsExactly(austin);
        assertThat(search.search(scope, SearchCriteria.all(50).withDestination("IN"))
                .shipments()).extracting(ShipmentSummary::ref).containsExactly(gary);
    }

    @Test
    void aVillageDoesNotWinItsCitysNameForAShipmentNearIt() throws Exception {
        Api api = new Api(client.toBlocking());
        String org = api.org("carrier");
        Scope scope = new Scope(false, true, false, false, org, new String[0]);
        shipment(api, org, Map.of("destination", Map.of("name", "Port Huron, MI", "lat", 42.97, "lon", -82.42)),
                42.90, -82.77, null); // beside Memphis, Michigan (about 1,000 people)
        SearchResult result = search.search(scope, SearchCriteria.all(50).withNear("Memphis", 160));
        assertThat(result.place()).isEqualTo("Memphis, TN");
        assertThat(result.shipments()).isEmpty();
    }

    @Test
    void aSearchSaysWhenMoreMatchThanItLists() {
        SearchResult result = search.search(carrier, SearchCriteria.all(2));
        assertThat(result.shipments()).hasSize(2);
        assertThat(result.more()).isTrue();
        assertThat(search.search(carrier, SearchCriteria.all(3)).more()).isFalse();
    }

    @Test
    void searchFindsReefersOutOfRange() {
        assertThat(search.search(carrier, SearchCriteria.all(50).withTemperatureOutOfRange())
                .shipments())
                .extracting(ShipmentSummary::ref, ShipmentSummary::temperature).containsExactly(
                        tuple(warm, 11.5));
    }

    @Test
    void searchByAShippersNameFindsItsShipmentsOnlyAndAWordNamingNoOneNarrowsNothing() {
        Api api = new Api(client.toBlocking());
        String carrierOrg = api.org("carrier");
        Scope scope = new Scope(false, true, false, false, carrierOrg, new String[0]);
        String ofGlobex = (String) api.shipment(api.org("globex"), carrierOrg, null, Map.of()).get("reference");
        api.shipment(api.org("initech"), carrierOrg, null, Map.of());
        api.shipment(api.org("globex"), api.org("carrier"), null, Map.of()); // a namesake, out of scope

        SearchResult named = search.search(scope, byParty("Globex"));
        assertThat(named.party()).isEqualTo("globex");
        assertThat(named.shipments()).extracting(ShipmentSummary::ref).containsExactly(ofGlobex);

        SearchResult unknown = search.search(scope, byParty("refrigerated"));
        assertThat(unknown.party()).isNull();
        assertThat(unknown.partyUnknown()).isEqualTo("refrigerated");
        assertThat(unknown.shipments()).hasSize(2);
    }

    private static SearchCriteria byParty(String party) {
        return SearchCriteria.all(50).withParty(party);
    }

    @Test
    void theFleetSummaryCountsOnlyTheCallersShipments() {
        FleetSummary summary = fleet.summary(carrier);
        assertThat(summary.total()).isEqualTo(3);
        assertThat(summary.planned()).isEqualTo(1);
        assertThat(summary.inTransit()).isEqualTo(2);
        assertThat(summary.onTheRoad()).isEqualTo(2);
        assertThat(summary.late()).isEqualTo(1);
        assertThat(summary.temperatureOutOfRange()).isEqualTo(1);
    }

    /** A shipment of this carrier from Chicago, whose tracker has just reported from (lat, lon). */
    private String shipment(Api api, String carrierOrg, Map<String, Object> extra, double lat, double lon,
                            Double celsius) throws Exception {
        return shipment(api, carrierOrg, extra, lat, lon, celsius, Instant.now().minusSeconds(30));
    }

    private String shipment(Api api, String carrierOrg, Map<String, Object> extra, double lat, double lon,
                            Double celsius, Instant ts) throws Exception {
        String trackerId = Api.unique("trk");
        String token = api.tracker(trackerId, carrierOrg);
        String reference = (String) api.shipment(api.org("shipper"), carrierOrg, trackerId, new HashMap<>(extra))
                .get("reference");
        try (SocketClient tracker = SocketClient.tracker(server.getPort(), token)) {
            tracker.send("{\"ts\":\"" + ts + "\",\"lat\":" + lat + ",\"lon\":" + lon
                    + ",\"speed\":25" + (celsius == null ? "" : ",\"temperature\":" + celsius) + "}");
            assertThat(tracker.next()).contains("\"ack\"");
        }
        return reference;
    }
}
