package dev.tracelane.tools.search;

import dev.tracelane.tools.geo.Place;
import dev.tracelane.tools.geo.PlaceIndex;
import dev.tracelane.tools.geo.UsStates;
import dev.tracelane.tracking.geo.GreatCircle;
import dev.tracelane.tracking.shipment.Scope;
import dev.tracelane.tracking.storage.Sql;
import dev.tracelane.tracking.storage.StorageException;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Searches the caller's shipments; the scope and every filter are one SQL query. */
@Singleton
public class ShipmentSearch {
    /** Late, with why; the one rule for search and the fleet summary. Parameters: now, now. */
    static final String LATE_REASON = """
            CASE WHEN st.status <> 'delivered' AND s.promised_until < ? THEN 'past promise'
                 WHEN st.delivered_at > s.promised_until THEN 'delivered late'
                 WHEN st.status <> 'delivered' AND e.eta > s.promised_until AND s.promised_until >= ? THEN 'predicted'
            END""";
    static final String FROM = """
             FROM shipments s JOIN shipment_state st ON st.shipment_id = s.id
             LEFT JOIN shipment_eta e ON e.shipment_id = s.id
            """;
    private static final double KM_PER_DEGREE = 111.2;
    private static final int MAX_NAMESAKES = 5;
    /** A namesake this small beside the most populous is not what people mean by the bare name. */
    private static final double NAMESAKE_SHARE = 0.1;
    private final DataSource dataSource;
    private final PlaceIndex places;
    private final Clock clock;

    public ShipmentSearch(DataSource dataSource, PlaceIndex places, Clock clock) {
        this.dataSource = dataSource;
        this.places = places;
        this.clock = clock;
    }

    /**
     * A place name that several places share means the one where the caller has shipments: "near Birmingham"
     * from a fleet in Alabama is not about England. Otherwise the most populous; and a village never wins over a
     * city for a shipment or two near it (Memphis, MI beside Memphis, TN).
     */
    public SearchResult search(Scope scope, SearchCriteria criteria) {
        Party party = criteria.party() == null ? null : party(scope, criteria.party()).orElse(null);
        String partyName = party == null ? null : party.name();
        String partyUnknown = party == null ? criteria.party() : null;
        if (criteria.near() == null) {
            return result(find(scope, criteria, party, null), criteria, null, partyName, partyUnknown);
        }
        List<Place> candidates = places.candidates(criteria.near());
        if (candidates.isEmpty()) {
            return new SearchResult(List.of(), null, true, partyName, partyUnknown, criteria.destination(),
                    criteria.arrivingFrom(), criteria.arrivingBy(), false);
        }
        Place best = candidates.get(0);
        List<ShipmentSummary> found = find(scope, criteria, party, best);
        for (Place other : candidates.subList(1, Math.min(candidates.size(), MAX_NAMESAKES))) {
            if (other.population() < NAMESAKE_SHARE * best.population()) {
                continue;
            }
            List<ShipmentSummary> there = find(scope, criteria, party, other);
            if (there.size() > found.size()) {
                best = other;
                found = there;
            }
        }
        return result(found, criteria, best.label(), partyName, partyUnknown);
    }

    /** {@code found} holds one more than the limit when more match. */
    private static SearchResult result(List<ShipmentSummary> found, SearchCriteria criteria, String place,
                                       String partyName, String partyUnknown) {
        boolean more = found.size() > criteria.limit();
        return new SearchResult(more ? found.subList(0, criteria.limit()) : found, place, false, partyName,
                partyUnknown, criteria.destination(), criteria.arrivingFrom(), criteria.arrivingBy(), more);
    }

    private record Party(String id, String name) {
    }

    /**
     * The one shipper or carrier of the caller's shipments that {@code said} names: its id, its name, or the first
     * word of its name ("globex" for "Globex Corp", not "late" for "Latex"). Only orgs on shipments in scope are
     * candidates, so nothing is learnt of any other org.
     */
    private Optional<Party> party(Scope scope, String said) {
        String word = said.strip();
        if (word.isEmpty()) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT DISTINCT o.id, o.name
                  FROM shipments s JOIN orgs o ON o.id IN (s.shipper_id, s.carrier_id)
                 WHERE (lower(o.id) = lower(?) OR o.name ILIKE ? OR o.name ILIKE ?) AND""" + " " + Scope.CONDITION
                + " LIMIT 2")) {
            ps.setString(1, word);
            ps.setString(2, escapeLike(word));
            ps.setString(3, escapeLike(word) + " %");
            scope.bind(c, ps, 4);
            List<Party> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new Party(rs.getString(1), rs.getString(2)));
                }
            }
            return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
        } catch (SQLException e) {
            throw new StorageException("could not look up " + said, e);
        }
    }

    /** @param party the org to narrow to, or null; {@code place} likewise */
    private List<ShipmentSummary> find(Scope scope, SearchCriteria criteria, Party party, Place place) {
        StringBuilder sql = new StringBuilder("SELECT * FROM (SELECT s.reference, st.status, s.lane,")
                .append(" coalesce(s.origin->>'name', ''), coalesce(s.destination->>'name', ''), st.last_ts,")
                .append(" st.lat, st.lon, st.temperature, s.temp_min, s.temp_max, s.promised_until, e.eta,")
                .append(" st.delivered_at, ").append(LATE_REASON).append(" AS late_reason").append(FROM)
                .append("WHERE ").append(Scope.CONDITION);
        List<Object> values = new ArrayList<>();
        if (criteria.status() != null) {
            sql.append(" AND st.status = ?");
            values.add(criteria.status());
        }
        if (criteria.destination() != null) {
            sql.append(" AND ").append(destination(criteria.destination().strip(), values));
        }
        if (criteria.text() != null) {
            sql.append(" AND (s.reference ILIKE ? OR s.lane ILIKE ? OR s.origin->>'name' ILIKE ?")
                    .append(" OR s.destination->>'name' ILIKE ?)");
            for (int i = 0; i < 4; i++) {
                values.add(like(criteria.text()));
            }
        }
        if (party != null) {
            sql.append(" AND ? IN (s.shipper_id, s.carrier_id)");
            values.add(party.id());
        }
        if (criteria.silentMinutes() > 0) {
            sql.append(" AND st.status <> 'delivered' AND st.last_ts < ?");
            values.add(Timestamp.from(clock.instant().minus(Duration.ofMinutes(criteria.silentMinutes()))));
        }
        if (criteria.arrivingFrom() != null) {
            sql.append(" AND st.status <> 'delivered' AND e.eta >= ?");
            values.add(Timestamp.from(criteria.arrivingFrom()));
        }
        if (criteria.arrivingBy() != null) {
            sql.append(" AND st.status <> 'delivered' AND e.eta <= ?");
            values.add(Timestamp.from(criteria.arrivingBy()));
        }
        if (Boolean.TRUE.equals(criteria.temperatureOutOfRange())) {
            sql.append(" AND st.status <> 'delivered'")
                    .append(" AND (st.temperature < s.temp_min OR st.temperature > s.temp_max)");
        }
        if (place != null) {
            double dLat = criteria.radiusKm() / KM_PER_DEGREE;
            double dLon = dLat / Math.max(0.05, Math.cos(Math.toRadians(place.lat())));
            sql.append(" AND st.lat BETWEEN ? AND ? AND st.lon BETWEEN ? AND ?");
            values.add(place.lat() - dLat);
            values.add(place.lat() + dLat);
            values.add(place.lon() - dLon);
            values.add(place.lon() + dLon);
        }
        sql.append(") found");
        if (criteria.late() != null) {
            sql.append(criteria.late() ? " WHERE late_reason IS NOT NULL" : " WHERE late_reason IS NULL");
        }
        sql.append(" ORDER BY reference LIMIT ?");
        List<ShipmentSummary> found = query(sql.toString(), scope, values, criteria.limit() + 1, place,
                criteria.radiusKm());
        if (place != null) {
            found.sort(Comparator.comparing(ShipmentSummary::kmFromPlace));
        }
        return found;
    }

    private List<ShipmentSummary> query(String sql, Scope scope, List<Object> values, int limit, Place place,
                                        double radiusKm) {
        Timestamp now = Timestamp.from(clock.instant());
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, now);
            ps.setTimestamp(2, now);
            int i = scope.bind(c, ps, 3);
            for (Object value : values) {
                ps.setObject(i++, value);
            }
            ps.setInt(i, limit);
            List<ShipmentSummary> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Double lat = Sql.getDouble(rs, "lat");
                    Double lon = Sql.getDouble(rs, "lon");
                    Double km = null;
                    if (place != null && lat != null) {
                        km = Math.round(GreatCircle.meters(place.lat(), place.lon(), lat, lon) / 100) / 10.0;
                        if (km > radiusKm) {
                            continue;
                        }
                    }
                    result.add(new ShipmentSummary(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), Sql.utc(rs, "last_ts"), lat, lon,
                            Sql.getDouble(rs, "temperature"), Sql.getDouble(rs, "temp_min"),
                            Sql.getDouble(rs, "temp_max"), Sql.utc(rs, "promised_until"), Sql.utc(rs, "eta"),
                            Sql.utc(rs, "delivered_at"), rs.getString("late_reason"), km));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new StorageException("could not search shipments", e);
        }
    }

    /**
     * Words of the destination's name, or a state: by name as well ("Texas" finds "Dallas TX"), by its code only
     * as a code ("IN" is in "Austin").
     */
    private static String destination(String said, List<Object> values) {
        Optional<String> state = UsStates.code(said);
        List<String> either = new ArrayList<>(2);
        if (!state.map(said::equals).orElse(false)) {
            either.add("s.destination->>'name' ILIKE ?");
            values.add(like(said));
        }
        state.ifPresent(code -> {
            either.add("s.destination->>'name' ~ ?");
            values.add("[ ,]" + code + "\\M"); // "Dallas, TX" and "Dallas TX"
        });
        return "(" + String.join(" OR ", either) + ")";
    }

    /** Words in that order, whatever stands between them: "St Louis" finds "St. Louis MO", as "Saint Louis" does. */
    private static String like(String words) {
        String pattern = escapeLike(words.strip()).replaceAll("(?i)\\bsaint\\b", "S%t").replaceAll("[\\s.]+", "%");
        return "%" + pattern + "%";
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
