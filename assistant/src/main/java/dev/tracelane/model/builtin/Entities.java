package dev.tracelane.model.builtin;

import dev.tracelane.safety.ReferenceGuard;
import dev.tracelane.tools.geo.Place;
import dev.tracelane.tools.geo.PlaceIndex;
import dev.tracelane.tools.geo.UsStates;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a message names, found by rules: shipment references, a place and whether it is a destination or a
 * neighbourhood, a deadline, a recent window, a status, an alert type and status. Times are UTC.
 */
final class Entities {
    /**
     * SHP-1042, shp-0f23a, PO-2026-0042, R-4, R2-K1, 3PL-778, SHP1042, SHP 1042, shp 1042: letters (one capital
     * will do; digits may stand among them), then a hyphen and a code with a digit, in hyphenated parts if need
     * be; or letters and digits right after them, or a space and digits. After a space, capitals take two digits
     * or more; lower case takes a short abbreviation without vowels (shp, trk) and three digits, so "seen 105 min
     * ago" or "top 100" is not a reference. A code of letters only (SHP-eebfeaef, PO-ABCDEF) takes a prefix in
     * capitals, so "follow-up" or "drop-off" is not one. Letters may be any script's (R-ÜNI-1).
     */
    static final Pattern REFERENCE = Pattern.compile("\\b(?:(?<joined>" + ReferenceGuard.PREFIX + ")-(?<code>"
            + ReferenceGuard.CODE + ")|(?<letters>\\p{L}{2,6})(?<digits>\\d{2,10})"
            + "|(?<single>\\p{Lu})-(?<singleCode>" + ReferenceGuard.CODE + ")"
            + "|(?<capitals>[A-Z]{2,6}) (?<capitalDigits>\\d{2,10})"
            + "|(?<word>(?i:[b-df-hj-np-tv-xz]){2,4}) (?<wordDigits>\\d{3,10})"
            + "|(?<capitalPrefix>[A-Z]{2,6})-(?<letterCode>[A-Za-z]{4,10}))\\b");
    private static final Pattern NUMBERED = Pattern.compile(
            "(?i)\\b(?:order|shipment|load|delivery|package|parcel|number|no\\.?)\\s*#?\\s*(\\d{3,10})\\b|#(\\d{3,10})\\b");
    /**
     * A number alone where a shipment is asked about ("where is 1001", "when will 1003 get here", "1002?"):
     * after a question's lead or as the whole message, and not a quantity ("where are 100 loads", "is 150 km").
     */
    private static final Pattern BARE = Pattern.compile("(?i)(?:^\\W*|\\b(?:where(?:'s| is| are)?|wheres"
            + "|status(?: of)?|track(?:ing)?|when (?:will|does|is|do|can|did)|eta(?: (?:of|for|on))?|what about"
            + "|how about|and|is|check(?: on)?|find|news on|update on)\\s+)#?(\\d{3,10})\\b"
            + "(?![.,:/-]\\d|\\s*(?:km|kilomet|mi\\b|miles?\\b|m\\b|ft\\b|min|hours?\\b|hrs?\\b|h\\b|degrees?\\b|°|%"
            + "|am\\b|pm\\b|lbs?\\b|kg\\b|loads|shipments|trucks|orders|deliveries|reefers))");
    private static final Set<String> NOT_REFERENCE_PREFIXES = Set.of("I", "PM", "AM", "LAST", "PAST", "NEXT", "IN",
            "BY", "AT", "ABOUT", "TOP", "FIRST", "UNDER", "OVER", "HOURS", "HRS", "KM", "MIN", "MINS", "TO", "ORDER",
            "LOAD", "NUMBER", "NO", "PARCEL", "THE", "AND", "OR", "OF", "FOR", "WITHIN", "BEFORE", "AFTER", "UNTIL",
            "ALL", "ANY", "ARE", "IS", "WAS", "HAS", "HAD", "GOT", "SEE", "SHOW", "LIST", "GIVE", "ONLY", "JUST",
            "THAN", "SOME", "FEW", "MANY", "MOST", "MI", "MILE", "KG", "LB", "LBS", "FT", "HWY", "US", "ON", "ABOVE",
            "NEAR", "FROM", "WITH", "ROOM", "DOCK", "GATE", "BAY", "EXIT", "YEAR", "DAY", "DAYS", "WEEK", "ME", "MY",
            "OUR", "WE", "BE", "DO", "GET", "SET", "ITS", "IT", "NOW", "AGO", "UP", "LIKE", "SAY", "TRIP", "TIL", "TILL",
            "ETA", "LANE", "ZIP", "CODE", "UNIT");
    private static final Pattern DESTINATION = Pattern.compile(
            "(?i)\\b(?:to|for|heading to|going to|headed to|bound for|towards|into|destined for|delivering to|"
            + "(?:arriving|arrives|arrive|due|delivered|delivering) (?:in|at))\\s+");
    private static final Pattern NEAR = Pattern.compile(
            "(?i)\\b(?:near|around|in|at|close to|outside|by|within \\d+\\s*(?:km|kilomet\\w+|mi|miles?) of)\\s+");
    private static final Pattern WITHIN = Pattern.compile("(?i)\\bwithin (\\d+)\\s*(km|kilomet\\w+|mi|miles?)\\b");
    private static final double KM_PER_MILE = 1.609344;
    private static final String QUIET_WORDS = "(?i)(?:(?:\\bnot|n't|\\bnever) (?:reported|reporting|report|sent|"
            + "pinged|updated|been heard from|heard from)|\\bsilent|\\bquiet|\\bno signal|\\boffline|"
            + "\\bno (?:data|updates?|pings?))\\b";
    private static final Pattern SILENT = Pattern.compile(QUIET_WORDS
            + ".*?\\b(\\d+|an?|one)\\s*(hours?|hrs?|h|minutes?|mins?)\\b");
    private static final Pattern SILENT_HOUR = Pattern.compile(QUIET_WORDS + ".*\\b(?:last|past) hour\\b");
    private static final Set<String> NOT_PLACES = Set.of("transit", "time", "the", "range", "my", "our", "a",
            "an", "this", "that", "route", "schedule", "stock", "total", "all", "any", "it", "them", "there", "here",
            "delivery", "now", "me", "you", "us", "arrive", "be", "get", "go", "make", "today", "tomorrow",
            "tonight", "noon", "midnight", "least", "last", "past", "front", "order", "question", "case", "fact",
            "general", "hours", "minutes", "reefer", "reefers", "check");
    private static final Set<String> WORD_LIKE_STATE_CODES = Set.of("hi", "in", "me", "or");
    private static final int MIN_PLACE_POPULATION = 20_000;
    private static final String PARTY_WORD = "(\\p{L}[\\p{L}\\d&-]{2,40})";
    private static final String LOADS = "(?:shipments|loads|orders|deliveries|freight|trucks)";
    private static final Pattern PARTY = Pattern.compile("(?i)\\b" + PARTY_WORD + "(?:'s)?\\s+" + LOADS + "\\b|\\b"
            + LOADS + "\\s+(?:of|by|from|for)\\s+" + PARTY_WORD + "\\b|\\b(?:carried|hauled|shipped|moved) by\\s+"
            + PARTY_WORD + "\\b|\\b(?:from|for)\\s+" + PARTY_WORD + "\\W*$");
    private static final Set<String> NOT_PARTIES = Set.of("all", "my", "our", "the", "late", "delayed", "open",
            "reefer", "refrigerated", "planned", "delivered", "active", "current", "other", "any", "which", "what",
            "many", "these", "those", "your", "their", "new", "frozen", "chilled", "transit", "moving", "overdue",
            "today", "outstanding", "pending", "recent", "upcoming", "some", "more", "most", "few", "several",
            "each", "every", "how", "are", "were", "have", "has", "show", "list", "them", "you", "today's",
            "delivering", "waiting", "stuck", "warm", "cold", "hot", "company", "customer", "customers", "tomorrow",
            "tonight", "now", "me", "us", "later", "sure", "real", "good", "this", "that", "it");
    private static final Pattern CLOCK = Pattern.compile(
            "(?i)\\b(?:before|befor|by|until|till|no later than|at)\\s+(\\d{1,2})(?::(\\d{2}))?"
            + "\\s*(am|pm|a\\.m\\.|p\\.m\\.)?");
    private static final Pattern AHEAD = Pattern.compile("\\b(?:next|within|coming)\\s+(\\d{1,3})\\s*(?:hours|hrs|h)\\b");
    private static final Pattern BY_TOMORROW = Pattern.compile(
            "\\b(?:by|until|till|no later than)\\s+(?:the end of\\s+)?tomorrow");
    private static final Pattern HOURS = Pattern.compile("(?i)\\b(?:last|past)\\s+(\\d{1,3})\\s*(?:hours|hrs|h)\\b");

    private final PlaceIndex places;

    Entities(PlaceIndex places) {
        this.places = places;
    }

    /** References as written, in order of appearance. */
    static List<String> references(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = REFERENCE.matcher(text);
        while (m.find()) {
            String prefix = firstOf(m, "joined", "letters", "single", "capitals", "word", "capitalPrefix").toUpperCase(Locale.ROOT);
            String code = firstOf(m, "code", "digits", "singleCode", "capitalDigits", "wordDigits", "letterCode");
            if (!NOT_REFERENCE_PREFIXES.contains(prefix)) {
                found.add(prefix + "-" + code);
            }
        }
        Matcher n = NUMBERED.matcher(text);
        while (n.find()) {
            addNumber(found, n.group(1) != null ? n.group(1) : n.group(2));
        }
        Matcher bare = BARE.matcher(text);
        while (bare.find()) {
            addNumber(found, bare.group(1));
        }
        return found;
    }

    private static void addNumber(List<String> found, String number) {
        if (found.stream().noneMatch(r -> r.equals(number) || r.endsWith("-" + number))) {
            found.add(number);
        }
    }

    private static String firstOf(Matcher m, String... groups) {
        for (String group : groups) {
            if (m.group(group) != null) {
                return m.group(group);
            }
        }
        throw new IllegalStateException("no group of " + String.join(", ", groups) + " matched");
    }

    /** The text with references replaced by a placeholder, as the intent examples are written. */
    static String withoutReferences(String text) {
        String numbered = NUMBERED.matcher(text).replaceAll("order SHP-1");
        String bare = BARE.matcher(numbered)
                .replaceAll(m -> Matcher.quoteReplacement(m.group().replace(m.group(1), "SHP-1")));
        return REFERENCE.matcher(bare).replaceAll("SHP-1");
    }

    record PlaceMention(String name, boolean destination) {
    }

    Optional<PlaceMention> place(String text) {
        Optional<PlaceMention> destination = after(DESTINATION, text).map(p -> new PlaceMention(p, true));
        return destination.isPresent() ? destination : after(NEAR, text).map(p -> new PlaceMention(p, false));
    }

    private Optional<String> after(Pattern preposition, String text) {
        Matcher m = preposition.matcher(text);
        while (m.find()) {
            String[] words = text.substring(m.end()).split("[^\\p{L}.,'-]+|(?<=[,.])|(?=[?!])");
            List<String> span = new ArrayList<>();
            for (String w : words) {
                String clean = w.replaceAll("[,.]$", "");
                if (clean.isEmpty() || span.size() == 4) {
                    break;
                }
                span.add(clean);
            }
            for (int n = span.size(); n >= 1; n--) {
                String candidate = String.join(" ", span.subList(0, n));
                if (NOT_PLACES.contains(span.get(0).toLowerCase(Locale.ROOT))) {
                    break;
                }
                if (n == 1) {
                    boolean last = text.substring(m.end()).replaceAll("[\\W_]+$", "").strip()
                            .equalsIgnoreCase(candidate);
                    Optional<String> code = typedStateCode(candidate, last);
                    if (code.isPresent()) {
                        return code;
                    }
                }
                Optional<Place> place = places.find(candidate);
                if (UsStates.code(candidate).isPresent()
                        || place.isPresent() && place.get().population() >= MIN_PLACE_POPULATION) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * "tx", "oh" typed for TX, OH after "to"; the codes that are also words there ("in or out") only as the
     * message's last word ("loads going to in?"), and "me" never ("what's coming to me?").
     */
    private static Optional<String> typedStateCode(String word, boolean last) {
        String lower = word.toLowerCase(Locale.ROOT);
        boolean plain = !WORD_LIKE_STATE_CODES.contains(lower) || last && !lower.equals("me");
        return lower.length() == 2 && plain
                ? UsStates.code(lower.toUpperCase(Locale.ROOT)) : Optional.empty();
    }

    /**
     * A word that may name a shipper or carrier: "Globex shipments", "loads for initech", "Acme's orders", "due
     * before 5pm for globex" (the last word, after "for" or "from"). Only a guess: the search tool narrows by it
     * only when one of the user's shippers or carriers has that name.
     */
    static Optional<String> party(String text) {
        Matcher m = PARTY.matcher(text);
        for (int from = 0; from < text.length() && m.find(from); from = m.start() + 1) { // "any loads for X"
            String word = null;
            for (int g = 1; word == null; g++) { // the one alternative that matched
                word = m.group(g);
            }
            if (!NOT_PARTIES.contains(word.toLowerCase(Locale.ROOT))) {
                return Optional.of(word);
            }
        }
        return Optional.empty();
    }

    /**
     * When something is asked to arrive, in UTC: from (null for any time before; tomorrow's start for "tomorrow",
     * noon for "this afternoon", 18:00 for "tonight") until {@code by}.
     */
    record Due(Instant from, Instant by) {
    }

    /**
     * "before noon", "by 5pm", "until 17:30", "by the end of the day", "tomorrow morning", "in the next 3 hours",
     * "arriving tomorrow": the time meant.
     */
    static Optional<Due> due(String text, Instant now) {
        String lower = text.toLowerCase(Locale.ROOT);
        Matcher ahead = AHEAD.matcher(lower);
        if (ahead.find()) {
            return Optional.of(new Due(null, now.plus(Duration.ofHours(Integer.parseInt(ahead.group(1))))));
        }
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalTime from = null;
        if (lower.contains("tomorrow")) {
            day = day.plusDays(1);
            from = BY_TOMORROW.matcher(lower).find() ? null : LocalTime.MIDNIGHT;
        } else if (lower.contains("this afternoon")) {
            from = LocalTime.NOON;
        } else if (lower.contains("tonight")) {
            from = LocalTime.of(18, 0);
        }
        LocalTime time = null;
        if (lower.contains("this afternoon")) {
            time = LocalTime.of(18, 0);
        } else if (lower.matches("(?s).*\\b(?:noon|midday|lunch)\\b.*")) {
            time = LocalTime.NOON;
        } else if (lower.contains("end of the day") || lower.contains("end of day") || lower.contains("tonight")
                || lower.contains("midnight")) {
            time = LocalTime.of(23, 59);
        } else if (lower.contains("this morning") || lower.contains("tomorrow morning")) {
            time = LocalTime.of(12, 0);
        } else {
            Matcher m = CLOCK.matcher(lower);
            if (m.find()) {
                int hour = Integer.parseInt(m.group(1));
                int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
                String half = m.group(3);
                if (half != null && half.startsWith("p") && hour < 12) {
                    hour += 12;
                } else if (half != null && half.startsWith("a") && hour == 12) {
                    hour = 0;
                }
                if (hour < 24 && minute < 60 && (half != null || m.group(2) != null)) {
                    time = LocalTime.of(hour, minute);
                }
            } else if (lower.contains("today") || lower.contains("tomorrow")) {
                time = LocalTime.of(23, 59);
            }
        }
        if (time == null) {
            return Optional.empty();
        }
        Instant start = from == null ? null : day.atTime(from).toInstant(ZoneOffset.UTC);
        return Optional.of(new Due(start, day.atTime(time).toInstant(ZoneOffset.UTC)));
    }

    /** A recent window in hours: "last 6 hours", "today", "this week"; 0 when none is said. */
    static int hours(String text, Instant now) {
        Matcher m = HOURS.matcher(text);
        if (m.find()) {
            return Integer.parseInt(m.group(1));
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.matches(".*\\b(last|past) hour\\b.*")) {
            return 1;
        }
        if (lower.contains("today")) {
            Instant midnight = LocalDate.ofInstant(now, ZoneOffset.UTC).atStartOfDay().toInstant(ZoneOffset.UTC);
            return (int) Math.max(1, Duration.between(midnight, now).toHours() + 1);
        }
        if (lower.contains("yesterday") || lower.contains("24 h") || lower.contains("last day")) {
            return 48;
        }
        return lower.contains("this week") || lower.contains("last week") ? 168 : 0;
    }

    /** The radius of "within 50 km of" (or miles, in km); 0 when none is said. */
    static int radiusKm(String text) {
        Matcher m = WITHIN.matcher(text);
        if (!m.find()) {
            return 0;
        }
        int n = Integer.parseInt(m.group(1));
        return m.group(2).toLowerCase(Locale.ROOT).startsWith("mi") ? (int) Math.round(n * KM_PER_MILE) : n;
    }

    /** How long the loads asked about have said nothing: "haven't reported in 2 hours"; 0 when not asked. */
    static int silentMinutes(String text) {
        Matcher m = SILENT.matcher(text);
        if (m.find()) {
            String count = m.group(1).toLowerCase(Locale.ROOT);
            int n = count.chars().allMatch(Character::isDigit) ? Integer.parseInt(count) : 1;
            return m.group(2).toLowerCase(Locale.ROOT).startsWith("h") ? n * 60 : n;
        }
        return SILENT_HOUR.matcher(text).find() ? 60 : 0;
    }

    /** info, warning, critical, or null. */
    static String severity(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.matches(".*\\b(critical|severe|urgent|serious)\\b.*")) {
            return "critical";
        }
        if (lower.matches(".*\\bwarnings?\\b.*")) {
            return "warning";
        }
        return lower.matches(".*\\b(info|informational)\\b.*") ? "info" : null;
    }

    /** planned, in_transit, delivered, or null. */
    static String status(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.matches(".*\\b(in transit|on the road|on the way|moving|en route|driving)\\b.*")) {
            return "in_transit";
        }
        if (lower.matches(".*(\\bplanned|(\\bnot|n'?t) (yet )?(left|departed|started|moved)|\\byet to (leave|depart)|"
                + "\\bscheduled|\\bwaiting to leave|\\bstill at (the )?origin)\\b.*")) {
            return "planned";
        }
        return lower.matches(".*\\b(delivered|arrived|completed)\\b.*") ? "delivered" : null;
    }

    /** An alert type named in the text (wire name), or null. */
    static String alertType(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.matches(".*\\b(deviat\\w*|off[- ]route|left (its|the) route|detour\\w*)\\b.*")) {
            return "route_deviation";
        }
        if (lower.matches(".*\\b(silent|offline|no signal|lost contact|not reporting|gone quiet)\\b.*")) {
            return "tracker_silent";
        }
        if (lower.matches(".*\\b(unplanned stops?|stopped|stops|parked|idle)\\b.*")) {
            return "unplanned_stop";
        }
        if (lower.matches(".*\\b(temperature|warm|cold chain|reefer\\w*|too hot)\\b.*")) {
            return "temperature_excursion";
        }
        return lower.matches(".*\\b(late|delay\\w*)\\b.*") ? "predicted_late" : null;
    }

    /** open, acknowledged, resolved, or null. */
    static String alertStatus(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.matches(".*\\b(not acknowledged|unacknowledged|open|new|active|current)\\b.*")) {
            return "open";
        }
        if (lower.matches(".*\\b(acknowledged|acked)\\b.*")) {
            return "acknowledged";
        }
        return lower.matches(".*\\b(resolved|closed|cleared)\\b.*") ? "resolved" : null;
    }
}
