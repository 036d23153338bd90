package dev.tracelane.model.builtin;

import dev.tracelane.tools.text.Times;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Phrases the answer from the tool results, per intent. Every figure in an answer comes from a result; when a
 * result says a shipment was not found, the answer says just that, whatever the reason.
 */
final class AnswerWriter {
    private static final int LISTED = 10;
    /** A load not heard from this long has its last report named in a list. */
    private static final Duration QUIET = Duration.ofMinutes(30);
    /** A temperature question asking whether something is wrong, not whether all is well. */
    private static final Pattern TEMPERATURE_TROUBLE = Pattern.compile(
            "\\b(warm\\w*|hot|too|heat\\w*|out of (?:range|spec)|excursions?|above|over|thaw\\w*|spoil\\w*)\\b");

    /** @param results tool name to its parsed JSON results, in call order */
    String write(String intent, String text, Map<String, List<Map<String, Object>>> results, Instant now) {
        return switch (intent) {
            case "search", "search_late" -> search(first(results, "search_shipments"), intent.equals("search_late"),
                    now);
            case "reefers" -> reefers(first(results, "search_shipments"), first(results, "list_alerts"), now);
            case "fleet" -> fleet(first(results, "fleet_summary"));
            case "alerts" -> alerts(first(results, "list_alerts"), now);
            default -> IntStream.range(0, results.values().stream().mapToInt(List::size).max().orElse(1))
                    .mapToObj(i -> aboutShipment(intent, text, results, i, now))
                    .collect(Collectors.joining("\n"));
        };
    }

    /**
     * The answer about the {@code i}-th shipment asked about: the planner calls the same tools for each, in the
     * order asked, so its results are the {@code i}-th of each tool.
     */
    private String aboutShipment(String intent, String text, Map<String, List<Map<String, Object>>> results, int i,
                                 Instant now) {
        return switch (intent) {
            case "eta" -> eta(nth(results, "shipment_eta", i), text, now);
            case "why_late" -> whyLate(nth(results, "shipment_eta", i), nth(results, "shipment_alerts", i), now);
            case "temperature" -> temperature(nth(results, "temperature_history", i), text, now);
            case "shipment_alerts" -> shipmentAlerts(nth(results, "shipment_alerts", i), now);
            case "timeline" -> timeline(nth(results, "shipment_timeline", i), now);
            default -> locate(nth(results, "locate_shipment", i), now);
        };
    }

    private String locate(Map<String, Object> r, Instant now) {
        if (notFound(r)) {
            return notFoundText(r);
        }
        String ref = str(r, "ref");
        String destination = str(r, "destination");
        if (r.get("lastSeen") == null) {
            return ref + " hasn't reported a position yet; it is planned from " + str(r, "origin") + " to "
                    + destination + ".";
        }
        StringBuilder s = new StringBuilder();
        String seen = "last seen " + ago(str(r, "lastSeen"), now) + " (" + time(str(r, "lastSeen"), now) + ")";
        switch (str(r, "status")) {
            case "delivered" -> s.append(ref).append(" has arrived: it was delivered ").append(place(r))
                    .append(", ").append(seen).append('.');
            case "planned" -> s.append(ref).append(" hasn't left yet: it is ").append(place(r))
                    .append(", bound for ").append(destination).append("; ").append(seen).append('.');
            default -> {
                s.append(ref).append(" is ").append(place(r)).append(", heading to ").append(destination);
                Double kmh = num(r, "speedKmh");
                if (kmh != null) {
                    s.append(kmh < 3 ? ", standing still" : String.format(Locale.ROOT, " at %.0f km/h", kmh));
                }
                s.append("; ").append(seen).append('.');
                Map<String, Object> eta = map(r, "eta");
                if (eta != null && !"delivered".equals(str(map(eta, "basis"), "status"))) {
                    s.append(" Expected around ").append(time(str(eta, "eta"), now)).append(" (between ")
                            .append(time(str(eta, "p10"), now)).append(" and ").append(time(str(eta, "p90"), now))
                            .append(").");
                }
            }
        }
        Double celsius = num(r, "temperature");
        if (celsius != null) {
            s.append(String.format(Locale.ROOT, " Cargo at %.1f °C", celsius));
            s.append(r.get("cargoRange") == null ? "." : " (range " + str(r, "cargoRange") + ").");
        }
        List<Map<String, Object>> alerts = list(r, "activeAlerts");
        if (!alerts.isEmpty()) {
            s.append(alerts.size() == 1 ? " Active alert: " : " Active alerts: ")
                    .append(alerts.stream().map(a -> str(a, "title")).collect(Collectors.joining("; "))).append('.');
        }
        return s.toString();
    }

    private String eta(Map<String, Object> r, String text, Instant now) {
        if (notFound(r)) {
            return notFoundText(r);
        }
        String ref = str(r, "ref");
        Map<String, Object> eta = map(r, "eta");
        if (eta == null) {
            return "I have no arrival estimate for " + ref + " yet: it hasn't reported a position.";
        }
        if ("delivered".equals(str(r, "status"))) {
            return ref + " already arrived at " + str(r, "destination") + " at " + time(str(eta, "eta"), now) + ".";
        }
        Instant at = instant(str(eta, "eta"));
        Instant early = instant(str(eta, "p10"));
        Instant lateEdge = instant(str(eta, "p90"));
        String window = "between " + time(str(eta, "p10"), now) + " and " + time(str(eta, "p90"), now);
        String estimate = ref + " should reach " + str(r, "destination") + " around " + time(str(eta, "eta"), now)
                + " (" + window + ")";
        Optional<Entities.Due> due = Entities.due(text, now);
        if (due.isPresent()) {
            Instant deadline = due.get().by();
            String by = time(deadline.toString(), now);
            Instant from = due.get().from();
            if (from != null && lateEdge.isBefore(from)) {
                return "Sooner than that. " + estimate + ", before " + time(from.toString(), now) + ".";
            }
            if (!lateEdge.isAfter(deadline)) {
                return "Yes. " + estimate + ", before " + by + ".";
            }
            if (early.isAfter(deadline)) {
                return "Unlikely. " + estimate + ", so after " + by + ".";
            }
            return "It's close. " + estimate + "; " + by + (at.isAfter(deadline)
                    ? " is on the early side of that window." : " falls inside that window.");
        }
        StringBuilder s = new StringBuilder(estimate).append(String.format(Locale.ROOT, ", %,.0f km to go.",
                num(eta, "remainingMeters") / 1000));
        Double late = num(eta, "lateProbability");
        if (late != null && r.get("promisedUntil") != null) {
            s.append(late >= 0.5
                    ? String.format(Locale.ROOT, " It will probably miss the promised %s (%.0f%% likely late).",
                    time(str(r, "promisedUntil"), now), late * 100)
                    : " That is within the promised " + time(str(r, "promisedUntil"), now) + ".");
        }
        return s.toString();
    }

    private String whyLate(Map<String, Object> etaResult, Map<String, Object> alertResult, Instant now) {
        if (notFound(etaResult)) {
            return notFoundText(etaResult);
        }
        String ref = str(etaResult, "ref");
        Map<String, Object> eta = map(etaResult, "eta");
        StringBuilder s = new StringBuilder();
        if (eta == null) {
            s.append("I have no estimate for ").append(ref).append(" yet: it hasn't reported a position.");
        } else {
            s.append(ref).append(" is expected around ").append(time(str(eta, "eta"), now));
            if (etaResult.get("promisedUntil") != null) {
                long minutes = Duration.between(instant(str(etaResult, "promisedUntil")),
                        instant(str(eta, "eta"))).toMinutes();
                s.append(minutes > 0 ? ", " + Times.minutes(minutes) + " after the promised " : ", within the promised ")
                        .append(time(str(etaResult, "promisedUntil"), now));
            }
            s.append(". The estimate rests on: ").append(str(map(eta, "basis"), "explanation")).append('.');
        }
        List<Map<String, Object>> alerts = list(alertResult, "alerts").stream()
                .filter(a -> !"resolved".equals(str(a, "status"))).toList();
        s.append(alerts.isEmpty() ? " No active alerts explain a delay."
                : " Active alerts: " + alerts.stream().map(a -> str(a, "title")).collect(Collectors.joining("; ")) + ".");
        return s.toString();
    }

    private String temperature(Map<String, Object> r, String text, Instant now) {
        if (notFound(r)) {
            return notFoundText(r);
        }
        String ref = str(r, "ref");
        long readings = ((Number) r.get("readings")).longValue();
        if (readings == 0) {
            return ref + " has sent no temperature readings.";
        }
        String figures = String.format(Locale.ROOT, "%d readings from %s to %s, between %.1f and %.1f °C (mean %.1f)",
                readings, time(str(r, "from"), now), time(str(r, "to"), now), num(r, "lowest"), num(r, "highest"),
                num(r, "mean"));
        if (r.get("tempMin") == null || r.get("tempMax") == null) {
            return ref + " has no temperature range set for its cargo; " + figures + ".";
        }
        String range = String.format(Locale.ROOT, "%.1f to %.1f °C", num(r, "tempMin"), num(r, "tempMax"));
        long out = ((Number) r.get("minutesOutOfRange")).longValue();
        // "kept cold?" and "running warm?" want opposite answers for the same readings
        boolean askedTrouble = TEMPERATURE_TROUBLE.matcher(text.toLowerCase(Locale.ROOT)).find();
        boolean fine = out == 0;
        return (fine != askedTrouble ? "Yes: " : "No: ") + ref + (fine ? " stayed within " + range + ": "
                : " was outside its " + range + " range for about " + out + " min; ") + figures + ".";
    }

    private String shipmentAlerts(Map<String, Object> r, Instant now) {
        if (notFound(r)) {
            return notFoundText(r);
        }
        String ref = str(r, "ref");
        List<Map<String, Object>> alerts = list(r, "alerts");
        if (alerts.isEmpty()) {
            return ref + " has no alerts: nothing unusual so far.";
        }
        List<Map<String, Object>> active = alerts.stream().filter(a -> !"resolved".equals(str(a, "status"))).toList();
        List<Map<String, Object>> resolved = alerts.stream().filter(a -> "resolved".equals(str(a, "status"))).toList();
        StringBuilder s = new StringBuilder(ref).append(active.isEmpty() ? " has no active alerts."
                : " has " + active.size() + (active.size() == 1 ? " active alert:" : " active alerts:"));
        listAlerts(s, active, LISTED, now);
        if (!resolved.isEmpty() && active.size() < LISTED) {
            s.append("\nEarlier, resolved:");
            listAlerts(s, resolved, LISTED - active.size(), now);
        }
        return s.toString();
    }

    private void listAlerts(StringBuilder s, List<Map<String, Object>> alerts, int most, Instant now) {
        for (Map<String, Object> a : alerts.subList(0, Math.min(most, alerts.size()))) {
            s.append("\n- ").append(str(a, "title")).append(" (").append(str(a, "status")).append(", since ")
                    .append(time(str(a, "openedAt"), now)).append(')');
            Map<String, Object> evidence = map(a, "evidence");
            if (evidence != null && evidence.get("basis") != null) {
                s.append(". Why: ").append(str(evidence, "basis"));
            }
        }
    }

    private String timeline(Map<String, Object> r, Instant now) {
        if (notFound(r)) {
            return notFoundText(r);
        }
        StringBuilder s = new StringBuilder("What happened to ").append(str(r, "ref")).append(':');
        for (Map<String, Object> e : list(r, "events")) {
            s.append("\n- ").append(time(str(e, "at"), now)).append(": ").append(str(e, "text"));
        }
        return s.toString();
    }

    private String search(Map<String, Object> r, boolean late, Instant now) {
        if (Boolean.TRUE.equals(r.get("placeUnknown"))) {
            return "I don't know that place. Try a city name, for example Dallas or Joliet, IL.";
        }
        List<Map<String, Object>> found = list(r, "shipments");
        String of = r.get("party") == null ? "" : " of " + str(r, "party");
        String where = (r.get("destination") == null ? "" : " to " + str(r, "destination"))
                + (r.get("place") == null ? "" : " near " + str(r, "place"));
        String due = r.get("arrivingBy") == null ? "" : r.get("arrivingFrom") == null
                ? " due by " + time(str(r, "arrivingBy"), now)
                : " due between " + time(str(r, "arrivingFrom"), now) + " and " + time(str(r, "arrivingBy"), now);
        // a name that matched no org narrowed nothing: say so, or the whole list reads as theirs
        String unknown = r.get("partyUnknown") == null ? "" : "No shipper or carrier of yours is called "
                + str(r, "partyUnknown") + ", so that did not narrow the list. ";
        if (found.isEmpty()) {
            return unknown + (late ? "None of your shipments" + of + due + where + " is late."
                    : "I found no matching shipments" + of + due + where + ".");
        }
        StringBuilder s = new StringBuilder(unknown).append(count(r, found.size()))
                .append(found.size() == 1 ? " shipment" : " shipments").append(of).append(due)
                .append(late ? (found.size() == 1 ? " is late" : " are late") : "").append(where).append(':');
        for (Map<String, Object> x : found.subList(0, Math.min(LISTED, found.size()))) {
            s.append("\n- ").append(str(x, "ref")).append(" to ").append(str(x, "destination")).append(", ")
                    .append(str(x, "status").replace('_', ' '));
            if (x.get("lateReason") != null) {
                s.append(", late (").append(str(x, "lateReason")).append(')');
            }
            if (x.get("eta") != null && !"delivered".equals(str(x, "status"))) {
                s.append(", ETA ").append(time(str(x, "eta"), now));
            }
            if (x.get("kmFromPlace") != null) {
                s.append(String.format(Locale.ROOT, ", %.0f km away", num(x, "kmFromPlace")));
            }
            if (x.get("lastSeen") != null && !"delivered".equals(str(x, "status"))
                    && Duration.between(instant(str(x, "lastSeen")), now).compareTo(QUIET) >= 0) {
                s.append(", last report ").append(ago(str(x, "lastSeen"), now));
            }
        }
        s.append(rest(r, found.size()));
        return s.toString();
    }

    private String reefers(Map<String, Object> search, Map<String, Object> alerts, Instant now) {
        List<Map<String, Object>> warm = list(search, "shipments");
        List<Map<String, Object>> open = list(alerts, "alerts");
        if (warm.isEmpty() && open.isEmpty()) {
            return "All reefer loads are within their temperature range, and no temperature alert is open.";
        }
        StringBuilder s = new StringBuilder();
        if (!warm.isEmpty()) {
            s.append(warm.size()).append(warm.size() == 1 ? " reefer load is" : " reefer loads are")
                    .append(" out of range now:");
            for (Map<String, Object> x : warm.subList(0, Math.min(LISTED, warm.size()))) {
                s.append(String.format(Locale.ROOT, "\n- %s at %.1f °C (range %.1f to %.1f °C)", str(x, "ref"),
                        num(x, "temperature"), num(x, "tempMin"), num(x, "tempMax")));
            }
        } else {
            s.append("No reefer load is out of range right now.");
        }
        if (!open.isEmpty()) {
            s.append(s.isEmpty() ? "" : "\n").append("Open temperature alerts:");
            for (Map<String, Object> a : open.subList(0, Math.min(LISTED, open.size()))) {
                s.append("\n- ").append(str(a, "ref")).append(": ").append(str(a, "title")).append(" (since ")
                        .append(time(str(a, "openedAt"), now)).append(')');
            }
        }
        return s.toString();
    }

    private String fleet(Map<String, Object> r) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "You have %d shipments: %d in transit (%d reported in the last 30 min), %d planned, %d delivered.",
                count(r, "total"), count(r, "inTransit"), count(r, "onTheRoad"), count(r, "planned"),
                count(r, "delivered")));
        s.append(String.format(Locale.ROOT, " %d late (%d of them predicted).", count(r, "late"),
                count(r, "predictedLate")));
        if (count(r, "temperatureOutOfRange") > 0) {
            s.append(' ').append(count(r, "temperatureOutOfRange")).append(" reefer load(s) out of range.");
        }
        Map<String, Object> alerts = map(r, "openAlerts");
        if (alerts != null && !alerts.isEmpty()) {
            s.append(" Open alerts: ").append(alerts.entrySet().stream()
                    .map(e -> e.getValue() + " " + e.getKey().replace('_', ' ')).collect(Collectors.joining(", ")))
                    .append('.');
        } else {
            s.append(" No open alerts.");
        }
        return s.toString();
    }

    private String alerts(Map<String, Object> r, Instant now) {
        if (r.get("error") != null) {
            return "I couldn't read alerts: " + str(r, "error") + ".";
        }
        List<Map<String, Object>> alerts = list(r, "alerts");
        if (alerts.isEmpty()) {
            return "No alerts match.";
        }
        StringBuilder s = new StringBuilder(count(r, alerts.size()))
                .append(alerts.size() == 1 ? " alert:" : " alerts:");
        for (Map<String, Object> a : alerts.subList(0, Math.min(LISTED, alerts.size()))) {
            s.append("\n- ").append(str(a, "ref")).append(": ").append(str(a, "title")).append(" (")
                    .append(str(a, "status")).append(", ").append(time(str(a, "updatedAt"), now)).append(')');
        }
        s.append(rest(r, alerts.size()));
        return s.toString();
    }

    /** How many a list holds, or "More than N" when the tool says more matched than it returned. */
    private static String count(Map<String, Object> r, int listed) {
        return Boolean.TRUE.equals(r.get("more")) ? "More than " + listed : String.valueOf(listed);
    }

    /** "...and 5 more." past the lines listed, or "...and more." when the tool held some back. */
    private static String rest(Map<String, Object> r, int listed) {
        if (listed <= LISTED) {
            return "";
        }
        return "\n...and " + (Boolean.TRUE.equals(r.get("more")) ? "more" : (listed - LISTED) + " more") + ".";
    }

    private static boolean notFound(Map<String, Object> r) {
        return r == null || Boolean.FALSE.equals(r.get("found"));
    }

    private static String notFoundText(Map<String, Object> r) {
        String ref = r == null ? "" : str(r, "reference");
        return "I couldn't find a shipment " + ref + " among yours. Check the reference, or ask me to list your "
                + "shipments.";
    }

    private static String place(Map<String, Object> r) {
        return r.get("place") != null ? str(r, "place")
                : String.format(Locale.ROOT, "at %.4f, %.4f", num(r, "lat"), num(r, "lon"));
    }

    private static String time(String iso, Instant now) {
        return Times.utc(instant(iso), now);
    }

    private static String ago(String iso, Instant now) {
        long minutes = Duration.between(instant(iso), now).toMinutes();
        if (minutes < 1) {
            return "just now";
        }
        if (minutes < 120) {
            return minutes + " min ago";
        }
        return minutes < 48 * 60 ? minutes / 60 + " h ago" : minutes / (24 * 60) + " days ago";
    }

    private static Instant instant(String iso) {
        return OffsetDateTime.parse(iso).toInstant();
    }

    private static Map<String, Object> first(Map<String, List<Map<String, Object>>> results, String tool) {
        return nth(results, tool, 0);
    }

    private static Map<String, Object> nth(Map<String, List<Map<String, Object>>> results, String tool, int i) {
        List<Map<String, Object>> r = results.get(tool);
        return r == null || r.size() <= i ? null : r.get(i);
    }

    private static String str(Map<String, Object> m, String key) {
        Object v = m == null ? null : m.get(key);
        return v == null ? "" : v.toString();
    }

    private static Double num(Map<String, Object> m, String key) {
        Object v = m == null ? null : m.get(key);
        return v instanceof Number n ? n.doubleValue() : null;
    }

    private static long count(Map<String, Object> m, String key) {
        Double v = num(m, key);
        return v == null ? 0 : v.longValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> m, String key) {
        Object v = m == null ? null : m.get(key);
        return v instanceof Map ? (Map<String, Object>) v : null;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> m, String key) {
        Object v = m == null ? null : m.get(key);
        return v instanceof List ? new ArrayList<>((List<Map<String, Object>>) v) : List.of();
    }
}
