package dev.tracelane.tools.text;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times and durations as alert titles and answers write them: "Wed 25 Nov 14:40 UTC", "2 h 15 min". */
public final class Times {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private Times() {
    }

    /** With the day, for texts read later (an alert's title). */
    public static String utc(Instant t) {
        return DAY.format(t) + " UTC";
    }

    /** Without the day when it is today's, for answers read at once. */
    public static String utc(Instant t, Instant now) {
        boolean today = LocalDate.ofInstant(t, ZoneOffset.UTC).equals(LocalDate.ofInstant(now, ZoneOffset.UTC));
        return (today ? CLOCK : DAY).format(t) + " UTC";
    }

    public static String minutes(long minutes) {
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        long rest = minutes % 60;
        return rest == 0 ? hours + " h" : hours + " h " + rest + " min";
    }
}
