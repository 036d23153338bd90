package dev.tracelane.tools.eta;

import java.time.Duration;

/**
 * How long the driver has driven since the last break and since the last daily rest, as the readings show it;
 * the predictor plans the rests still due from here. Assumes a rested driver at departure.
 */
final class DrivingClock {
    /**
     * Driving shorter than this between standing does not end a stop: one GPS fix thrown a few hundred metres
     * off looks like a minute of driving there and back, and would otherwise cut a ten-hour rest in two.
     */
    private static final long BLIP_SECONDS = 180;
    /** How close to a driving or duty limit a stop counts as the rest the rules are about to require. */
    private static final Duration REST_LEAD = Duration.ofHours(1);
    /** How much shorter than a rest a stop may read and still count as it: see {@link #lasted}. */
    private static final double REST_TOLERANCE = 0.05;
    private static final Duration MIN_REST_TOLERANCE = Duration.ofMinutes(2);
    private final RestRules rules;
    private long moving;
    private long sinceBreak;
    private long sinceDailyRest;
    private long stopped;
    private long onDuty;

    DrivingClock(RestRules rules) {
        this.rules = rules;
    }

    /** Adds an interval between two readings: so many seconds driving, so many standing still. */
    void add(long drivingSeconds, long stoppedSeconds) {
        onDuty += drivingSeconds + stoppedSeconds;
        if (drivingSeconds > 0) {
            moving += drivingSeconds;
            if (moving >= BLIP_SECONDS) {
                stopped = 0;
            }
            sinceBreak += drivingSeconds;
            sinceDailyRest += drivingSeconds;
        }
        if (stoppedSeconds > 0) {
            moving = 0;
            stopped += stoppedSeconds;
            if (lasted(rules.dailyRest())) {
                sinceBreak = 0;
                sinceDailyRest = 0;
                onDuty = 0;
            } else if (lasted(rules.breakLength())) {
                sinceBreak = 0;
            }
        }
    }

    /**
     * Whether the stop so far counts as a rest of this length. Readings see less of a stop than the driver took:
     * its ends fall between fixes, and an outage or a stray fix during it reads as a few minutes of driving. A
     * ten-hour rest read as 9 h 56 min is still the rest; taken for none, it would make the predictor plan another
     * ten hours off at once.
     */
    private boolean lasted(Duration rest) {
        long tolerance = Math.max(MIN_REST_TOLERANCE.toSeconds(), Math.round(rest.toSeconds() * REST_TOLERANCE));
        return !rest.isZero() && stopped >= rest.toSeconds() - tolerance;
    }

    /** How long the truck has stood so far in the stop it is in now; zero while it drives. */
    Duration standing() {
        return Duration.ofSeconds(moving < BLIP_SECONDS ? stopped : 0);
    }

    Duration sinceBreak() {
        return Duration.ofSeconds(sinceBreak);
    }

    Duration sinceDailyRest() {
        return Duration.ofSeconds(sinceDailyRest);
    }

    /** Time since the last daily rest ended, driving and stops alike: the US 14-hour window. */
    Duration onDuty() {
        return Duration.ofSeconds(onDuty);
    }

    /**
     * How long a stop beginning now may last as a rest the rules make due: the daily rest within an hour of the
     * daily driving limit or of the duty window, else a break within an hour of the break limit; zero otherwise.
     */
    Duration restDue() {
        if (near(sinceDailyRest(), rules.dailyAfter()) || near(onDuty(), rules.dutyWindow())) {
            return rules.dailyRest();
        }
        return near(sinceBreak(), rules.breakAfter()) ? rules.breakLength() : Duration.ZERO;
    }

    private static boolean near(Duration done, Duration limit) {
        return !limit.isZero() && done.compareTo(limit.minus(REST_LEAD)) >= 0;
    }

    RestRules rules() {
        return rules;
    }
}
