package dev.tracelane.tools.eta;

import java.time.Duration;
import java.util.Locale;

/**
 * Drivers' mandatory rest on long hauls, as the ETA predictor plans it: a break after so much driving, and a
 * daily rest after so much driving in the day.
 *
 * @param name        how {@code basis} names the rules
 * @param breakAfter  continuous driving before a break is due
 * @param breakLength the break; a stop at least this long resets {@code breakAfter}
 * @param dailyAfter  driving in a day before the daily rest is due
 * @param dailyRest   the daily rest; a stop at least this long resets both
 * @param dutyWindow  time after the daily rest, stops included, after which driving must stop until the next
 */
public record RestRules(String name, Duration breakAfter, Duration breakLength, Duration dailyAfter,
                        Duration dailyRest, Duration dutyWindow) {

    /** US hours of service (49 CFR 395): 30 min after 8 h driving, 10 h off after 11 h driving or 14 h on duty. */
    public static final RestRules US = new RestRules("us-hos", Duration.ofHours(8), Duration.ofMinutes(30),
            Duration.ofHours(11), Duration.ofHours(10), Duration.ofHours(14));

    /** EU 561/2006: 45 min after 4.5 h driving, 11 h daily rest after 9 h driving, within 13 h of duty. */
    public static final RestRules EU = new RestRules("eu-561", Duration.ofMinutes(270), Duration.ofMinutes(45),
            Duration.ofHours(9), Duration.ofHours(11), Duration.ofHours(13));

    /** Team driving or rules planned elsewhere: no rest is added. */
    public static final RestRules NONE = new RestRules("none", Duration.ofDays(3650), Duration.ZERO,
            Duration.ofDays(3650), Duration.ZERO, Duration.ofDays(3650));

    public static RestRules preset(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "us", "us-hos" -> US;
            case "eu", "eu-561" -> EU;
            case "none" -> NONE;
            default -> throw new IllegalArgumentException("rest rules must be us, eu or none, not " + name);
        };
    }
}
