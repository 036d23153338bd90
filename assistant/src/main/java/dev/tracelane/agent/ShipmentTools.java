package dev.tracelane.agent;

import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.invocation.InvocationParameters;
import dev.tracelane.tools.alert.Alert;
import dev.tracelane.tools.alert.AlertFilter;
import dev.tracelane.tools.alert.AlertType;
import dev.tracelane.tools.alert.Alerts;
import dev.tracelane.tools.alert.Severity;
import dev.tracelane.tools.eta.Estimate;
import dev.tracelane.tools.history.TemperatureHistory;
import dev.tracelane.tools.history.Timeline;
import dev.tracelane.tools.locate.Locator;
import dev.tracelane.tools.locate.References;
import dev.tracelane.tools.search.Fleet;
import dev.tracelane.tools.search.SearchCriteria;
import dev.tracelane.tools.search.SearchResult;
import dev.tracelane.tools.search.ShipmentSearch;
import dev.tracelane.tools.search.ShipmentSummary;
import dev.tracelane.tracking.shipment.Scope;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The agent's tools over the {@code tools/} services. Each runs with the identity of the turn's user, taken
 * from the invocation, never from the model's arguments, so the scope is enforced in the query whatever the
 * model asks. Results are JSON; a shipment missing or out of scope is the same {@code "found": false}.
 */
@Singleton
public class ShipmentTools {
    private static final int LIST_LIMIT = 25;
    private final Locator locator;
    private final References references;
    private final Alerts alerts;
    private final TemperatureHistory temperatures;
    private final Timeline timeline;
    private final ShipmentSearch search;
    private final Fleet fleet;
    private final JsonMapper json;
    private final Clock clock;

    public ShipmentTools(Locator locator, References references, Alerts alerts, TemperatureHistory temperatures,
                         Timeline timeline, ShipmentSearch search, Fleet fleet, JsonMapper json, Clock clock) {
        this.locator = locator;
        this.references = references;
        this.alerts = alerts;
        this.temperatures = temperatures;
        this.timeline = timeline;
        this.search = search;
        this.fleet = fleet;
        this.json = json;
        this.clock = clock;
    }

    @Tool(name = "locate_shipment")
    public String locateShipment(String reference, InvocationParameters parameters) {
        TurnContext turn = TurnContext.of(parameters);
        return withShipment(turn, reference, ref -> locator.locate(turn.scope(), ref).map(location -> {
            turn.cite(new Citation(ref, "position", location.lastSeen() == null ? null : location.lastSeen().toString()));
            return location;
        }));
    }

    @Tool(name = "shipment_eta")
    public String shipmentEta(String reference, InvocationParameters parameters) {
        TurnContext turn = TurnContext.of(parameters);
        return withShipment(turn, reference, ref -> locator.locate(turn.scope(), ref).map(location -> {
            Estimate eta = location.eta();
            turn.cite(new Citation(ref, "eta", eta == null ? null : eta.asOf().toString()));
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("ref", ref);
            answer.put("status", location.status());
            answer.put("destination", location.destination());
            answer.put("promisedUntil", location.promisedUntil());
            answer.put("eta", eta);
            answer.put("activeAlerts", location.activeAlerts().stream().map(Alert::title).toList());
            return answer;
        }));
    }

    @Tool(name = "shipment_alerts")
    public String shipmentAlerts(String reference, InvocationParameters parameters) {
        TurnContext turn = TurnContext.of(parameters);
        return withShipment(turn, reference, ref -> {
            List<Alert> found = alerts.list(turn.scope(), new AlertFilter(null, ref, null, null, null), LIST_LIMIT);
            turn.cite(new Citation(ref, "alerts", null));
            return Optional.of(Map.of("ref", ref, "alerts", found));
        });
    }

    @Tool(name = "temperature_history")
    public String temperatureHistory(String reference, int hours, InvocationParameters parameters) {
        TurnContext turn = TurnContext.of(parameters);
        Instant from = hours > 0 ? clock.instant().minus(Duration.ofHours(hours)) : null;
        return withShipment(turn, reference, ref -> temperatures.summary(turn.scope(), ref, from).map(summary -> {
            turn.cite(new Citation(ref, "temperature", summary.to() == null ? null : summary.to().toString()));
            return summary;
        }));
    }

    @Tool(name = "shipment_timeline")
    public String shipmentTimeline(String reference, InvocationParameters parameters) {
        TurnContext turn = TurnContext.of(parameters);
        return withShipment(turn, reference, ref -> timeline.of(turn.scope(), ref).map(entries -> {
            turn.cite(new Citation(ref, "timeline", null));
            return Map.of("ref", ref, "events", entries);
        }));
    }

    @Tool(name = "search_shipments")
    public String searchShipments(String status, boolean late, String destination, String near, int withinKm,
                                  boolean temperatureOutOfRange, int silentMinutes, String party,
                                  String arrivingFrom, String arrivingBy, InvocationParameters parameters) {
        TurnContext turn = TurnContext.of(parameters);
        Instant from;
        Instant by;
        try {
            from = time("arrivingFrom", arrivingFrom);
            by = time("arrivingBy", arrivingBy);
        } catch (IllegalArgumentException e) {
            return write(Map.of("error", e.getMessage()));
        }
        SearchCriteria criteria = new SearchCriteria(blankToNull(status), late ? Boolean.TRUE : null,
                blankToNull(near), withinKm > 0 ? withinKm : SearchCriteria.DEFAULT_RADIUS_KM,
                blankToNull(destination), null, blankToNull(party), temperatureOutOfRange ? Boolean.TRUE : null,
                Math.max(0, silentMinutes), from, by, LIST_LIMIT);
        SearchResult result = search.search(turn.scope(), criteria);
        for (ShipmentSummary s : result.shipments()) {
            turn.cite(new Citation(s.ref(), "search", s.lastSeen() == null ? null : s.lastSeen().toString()));
        }
        return write(result);
    }

    private static Instant time(String name, String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " is not an ISO-8601 time with an offset: " + value, e);
        }
    }

    @Tool(name = "fleet_summary")
    public String fleetSummary(InvocationParameters parameters) {
        TurnContext turn = TurnContext.of(parameters);
        turn.cite(new Citation(null, "fleet", clock.instant().toString()));
        return write(fleet.summary(turn.scope()));
    }

    @Tool(name = "list_alerts")
    public String listAlerts(String status, String type, String severity, int hours,
                             InvocationParameters parameters) {
        TurnContext turn = TurnContext.of(parameters);
        AlertType wanted = null;
        if (type != null && !type.isBlank()) {
            try {
                wanted = AlertType.fromWire(type.strip());
            } catch (IllegalArgumentException e) {
                return write(Map.of("error", "unknown alert type " + type));
            }
        }
        String statusFilter = blankToNull(status) == null ? null : status.strip().toLowerCase(Locale.ROOT);
        if (statusFilter != null && !List.of("open", "acknowledged", "resolved").contains(statusFilter)) {
            return write(Map.of("error", "unknown alert status " + status));
        }
        Severity level = null;
        if (blankToNull(severity) != null) {
            try {
                level = Severity.fromWire(severity.strip());
            } catch (IllegalArgumentException e) {
                return write(Map.of("error", "unknown severity " + severity));
            }
        }
        Instant since = hours > 0 ? clock.instant().minus(Duration.ofHours(hours)) : null;
        List<Alert> found = alerts.list(turn.scope(), new AlertFilter(statusFilter, null, wanted, level, since),
                LIST_LIMIT + 1);
        boolean more = found.size() > LIST_LIMIT;
        List<Alert> listed = more ? found.subList(0, LIST_LIMIT) : found;
        listed.forEach(a -> turn.cite(new Citation(a.ref(), "alerts", a.updatedAt().toString())));
        return write(Map.of("alerts", listed, "more", more));
    }

    /** Resolves what the model called the shipment within the user's scope, then runs the lookup. */
    private String withShipment(TurnContext turn, String said, Function<String, Optional<?>> lookup) {
        Scope scope = turn.scope();
        Optional<?> found = said == null ? Optional.empty()
                : references.resolve(scope, said).flatMap(lookup);
        if (found.isEmpty()) {
            return write(Map.of("found", false, "reference", said == null ? "" : said));
        }
        return write(found.get());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
