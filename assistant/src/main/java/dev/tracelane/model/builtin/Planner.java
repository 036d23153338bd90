package dev.tracelane.model.builtin;

import dev.tracelane.safety.ReferenceGuard;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a routed message into tool calls. References come from the message (each one named is answered, in
 * order), else from the conversation so far
 * (a follow-up such as "and when will it arrive?"), else from the only shipment a customer may see; a
 * shipment question without any is answered with a question back.
 */
final class Planner {
    private static final Set<String> PER_SHIPMENT = Set.of("locate", "eta", "why_late", "temperature",
            "shipment_alerts", "timeline");
    static final String HELP = "I can tell you where a shipment is, when it will arrive (and whether it will make "
            + "a deadline), why it is late, whether its cargo stayed in its temperature range, what alerts it has and "
            + "what happened on the way. Coordinators can also ask which loads are late or near a place, which "
            + "reefers are out of range, what alerts are open and how many trucks are on the road. Try \"where is "
            + ReferenceGuard.EXAMPLE_REFERENCE + "?\" or \"which loads to Dallas are late?\"";
    /** Shipments answered about in one message; more are a list question, better asked as a search. */
    private static final int MAX_REFERENCES = 5;
    private final Entities entities;

    Planner(Entities entities) {
        this.entities = entities;
    }

    Plan plan(String routedIntent, String text, Dialogue dialogue, Instant now) {
        List<String> mentioned = Entities.references(text);
        String lower = text.toLowerCase(Locale.ROOT);
        boolean aboutOne = !mentioned.isEmpty() || SINGULAR.matcher(lower).find();
        String intent = refine(routedIntent, lower, aboutOne, now);
        if (intent.equals(IntentRouter.UNKNOWN) && !aboutOne && entities.place(text).isPresent()) {
            return search("search", text, now); // "anything near Springfield?"
        }
        if (PER_SHIPMENT.contains(intent)) {
            List<String> references = mentioned.isEmpty() ? dialogue.lastReference().stream().toList()
                    : mentioned.stream().distinct().limit(MAX_REFERENCES).toList();
            if (references.isEmpty()) {
                if (PLURAL.matcher(lower).find() || entities.place(text).isPresent()) {
                    return search(intent.equals("why_late") || intent.equals("eta") ? "search_late" : "search", text,
                            now);
                }
                return Plan.reply(intent, "Which shipment do you mean? Tell me its reference, for example "
                        + ReferenceGuard.EXAMPLE_REFERENCE + ".");
            }
            return Plan.call(intent, references.stream().flatMap(r -> perShipment(intent, r, text, now).stream())
                    .toList());
        }
        return switch (intent) {
            case "search", "search_late" -> search(intent, text, now);
            case "reefers" -> Plan.call(intent, List.of(
                    searchCall(null, false, null, null, 0, true, 0, null, null),
                    new Plan.Call("list_alerts", args("status", "open", "type", "temperature_excursion",
                            "severity", "", "hours", 0))));
            case "fleet" -> entities.place(text).isPresent() ? search("search", text, now)
                    : Plan.call(intent, List.of(new Plan.Call("fleet_summary", Map.of())));
            case "alerts" -> Plan.call(intent, List.of(new Plan.Call("list_alerts", args(
                    "status", orEmpty(Entities.alertStatus(text)), "type", orEmpty(Entities.alertType(text)),
                    "severity", orEmpty(Entities.severity(text)), "hours", Entities.hours(text, now)))));
            case "greeting" -> Plan.reply(intent, greeting(text));
            case "help" -> Plan.reply(intent, HELP);
            case "unsupported" -> Plan.reply(intent, "I can't do that here: I only read tracking data. " + HELP);
            default -> Plan.reply(intent, "I'm not sure what you're asking. " + HELP);
        };
    }

    /**
     * Words settle what embeddings leave close. A request to act is not a question; about one shipment, the
     * question word decides between where, when, why, temperature, history and alerts.
     */
    private static String refine(String intent, String lower, boolean aboutOne, Instant now) {
        if (ACTION.matcher(lower).find()) {
            return "unsupported";
        }
        if (!aboutOne) {
            return refineMany(intent, lower, now);
        }
        if (intent.equals("greeting") || intent.equals("help") || intent.equals("unsupported")) {
            return intent;
        }
        if (WHY.matcher(lower).find()) {
            if (lower.matches(".*\\balerts?\\b.*")) {
                return "shipment_alerts";
            }
            // "why did it leave its route?" asks what happened on the way, not why it is late
            return EPISODE.matcher(lower).find() ? "timeline" : "why_late";
        }
        if (TEMPERATURE.matcher(lower).find()) {
            return "temperature";
        }
        if (HISTORY.matcher(lower).find()) {
            return "timeline";
        }
        if (WHERE.matcher(lower).find()) {
            return "locate";
        }
        if (WHEN.matcher(lower).find()) {
            return "eta";
        }
        if (TROUBLE.matcher(lower).find()) {
            return "shipment_alerts";
        }
        if (intent.equals("why_late")) {
            return "eta"; // "expected", "late" without a why: a question about when
        }
        return PER_SHIPMENT.contains(intent) ? intent : "locate";
    }

    /**
     * About several shipments: lateness only when the words say so ("loads going to Dallas" lists them), and a
     * status the words name ("which ones haven't left yet") or a time they are due by ("what's arriving today")
     * is a search whatever the embeddings made of it.
     */
    private static String refineMany(String intent, String lower, Instant now) {
        boolean late = LATE.matcher(lower).find();
        if (intent.equals("search_late") && !late || Entities.silentMinutes(lower) > 0) {
            return "search";
        }
        if (due(lower, now).isPresent()) {
            return late ? "search_late" : "search";
        }
        if (intent.equals("fleet") && "unplanned_stop".equals(Entities.alertType(lower))) {
            return "alerts"; // "any trucks stopped for a long time?" asks for the stops, not the counts
        }
        if (intent.equals("temperature") && (PLURAL.matcher(lower).find() || ANY.matcher(lower).find())) {
            return "reefers"; // "is anything running warm?"
        }
        boolean unclear = intent.equals("help") || intent.equals(IntentRouter.UNKNOWN) || intent.equals("greeting");
        return unclear && Entities.status(lower) != null && PLURAL.matcher(lower).find() ? "search" : intent;
    }

    private static final Pattern SINGULAR = Pattern.compile(
            "\\b(it|its|it's|my (order|shipment|package|parcel|delivery|load|truck|reefer|cargo))\\b");
    private static final Pattern PLURAL = Pattern.compile(
            "\\b(loads|shipments|trucks|orders|deliveries|packages|reefers|trailers|ones)\\b");
    private static final Pattern ANY = Pattern.compile("\\b(any|anything|anyone|everything|something)\\b");
    private static final Pattern LATE = Pattern.compile(
            "\\b(late|later|delay\\w*|behind|overdue|on time|slow\\w*|miss\\w*|make it|won'?t|not going to)\\b");
    private static final Pattern ACTION = Pattern.compile("^\\W*(please\\s+)?(can you\\s+|could you\\s+|i want to\\s+|"
            + "i'd like to\\s+)?(book|cancel|change|reschedule|refund|create|edit|delete|update|reroute|call|email)\\b"
            + "|\\b(i want|i need) a refund\\b");
    private static final Pattern DUE = Pattern.compile("\\b(arriv\\w*|due|expected|coming in|getting in|get in)\\b");
    private static final Pattern WHY = Pattern.compile("\\b(why|reason|caus\\w*|delay\\w*|behind|holding)\\b");
    private static final Pattern TEMPERATURE = Pattern.compile(
            "\\b(temperature\\w*|temp|temps|cold\\w*|warm\\w*|frozen|reefer|fridge|chilled|°c)\\b");
    private static final Pattern EPISODE = Pattern.compile(
            "\\b(route|detour\\w*|deviat\\w*|off course|stop|stopp\\w*|stops|parked|silent|quiet|offline)\\b");
    private static final Pattern HISTORY = Pattern.compile("\\b(what happened|history|timeline|so far|events)\\b");
    /** "Where is it", "where did it get to"; not "where is it going", which asks for the destination's ETA. */
    private static final Pattern WHERE = Pattern.compile("^\\W*(hey\\W+|hi\\W+|so\\W+)?where\\b(?!.*\\b(going|headed|bound)\\b)");
    private static final Pattern WHEN = Pattern.compile("\\b(when|what time|how long|eta|arriv\\w*|get there|"
            + "get here|get to \\w|be there|be here|on time|late|before|by \\d|how far)\\b");
    private static final Pattern TROUBLE = Pattern.compile(
            "\\b(alerts?|wrong|problems?|issues?|incidents?|ok|okay|alright|fine)\\b");

    /** The tool calls that answer {@code intent} about one shipment. */
    private static List<Plan.Call> perShipment(String intent, String reference, String text, Instant now) {
        Map<String, Object> ref = args("reference", reference);
        return switch (intent) {
            case "eta" -> List.of(new Plan.Call("shipment_eta", ref));
            case "why_late" -> List.of(new Plan.Call("shipment_eta", ref), new Plan.Call("shipment_alerts", ref));
            case "temperature" -> List.of(new Plan.Call("temperature_history",
                    args("reference", reference, "hours", Entities.hours(text, now))));
            case "shipment_alerts" -> List.of(new Plan.Call("shipment_alerts", ref));
            case "timeline" -> List.of(new Plan.Call("shipment_timeline", ref));
            default -> List.of(new Plan.Call("locate_shipment", ref));
        };
    }

    private Plan search(String intent, String text, Instant now) {
        Optional<Entities.PlaceMention> place = entities.place(text);
        Optional<Entities.Due> due = due(text.toLowerCase(Locale.ROOT), now);
        // "what arrives today in Texas": where loads are due is where they are going, not where they are now
        boolean toward = due.isPresent() || place.map(Entities.PlaceMention::destination).orElse(false);
        String destination = place.filter(p -> toward).map(Entities.PlaceMention::name).orElse(null);
        String near = place.filter(p -> !toward).map(Entities.PlaceMention::name).orElse(null);
        boolean late = intent.equals("search_late");
        String status = late ? null : Entities.status(text);
        return Plan.call(intent, List.of(searchCall(status, late, destination, near, Entities.radiusKm(text), false,
                Entities.silentMinutes(text), Entities.party(text).orElse(null), due.orElse(null))));
    }

    /** "arriving today", "due before 5pm": the time asked about; not "delivered today", which has arrived. */
    private static Optional<Entities.Due> due(String lower, Instant now) {
        return DUE.matcher(lower).find() ? Entities.due(lower, now) : Optional.empty();
    }

    private static Plan.Call searchCall(String status, boolean late, String destination, String near, int withinKm,
                                        boolean temperatureOutOfRange, int silentMinutes, String party,
                                        Entities.Due due) {
        return new Plan.Call("search_shipments", args("status", orEmpty(status), "late", late,
                "destination", orEmpty(destination), "near", orEmpty(near), "withinKm", withinKm,
                "temperatureOutOfRange", temperatureOutOfRange, "silentMinutes", silentMinutes,
                "party", orEmpty(party), "arrivingFrom", due == null || due.from() == null ? "" : due.from().toString(),
                "arrivingBy", due == null ? "" : due.by().toString()));
    }

    private static String greeting(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("thank")) {
            return "You're welcome. Anything else about your shipments?";
        }
        if (lower.contains("bye")) {
            return "Goodbye. I'll keep an eye on your shipments.";
        }
        return "Hello. Ask me where a shipment is, when it will arrive, or what's wrong with it.";
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static Map<String, Object> args(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
