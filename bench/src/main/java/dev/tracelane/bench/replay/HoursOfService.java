package dev.tracelane.bench.replay;

/**
 * One driver's US hours-of-service clock (49 CFR 395.3, simplified): a 30-minute break is due after 8 hours of
 * driving, and 10 hours off duty after 11 hours of driving or 14 hours on duty. A fuel or meal stop of 30
 * minutes or more counts as the break.
 */
final class HoursOfService {
    enum Rest { NONE, BREAK, OFF_DUTY }

    static final double BREAK_AFTER = 8 * 3600;
    static final double DRIVING_LIMIT = 11 * 3600;
    static final double DUTY_LIMIT = 14 * 3600;
    static final double BREAK_LENGTH = 30 * 60;

    private double drivingSinceBreak;
    private double drivingSinceRest;
    private double dutySinceRest;

    void copy(HoursOfService other) {
        drivingSinceBreak = other.drivingSinceBreak;
        drivingSinceRest = other.drivingSinceRest;
        dutySinceRest = other.dutySinceRest;
    }

    void drive(double seconds) {
        drivingSinceBreak += seconds;
        drivingSinceRest += seconds;
        dutySinceRest += seconds;
    }

    /** On duty but not driving: loading, fuel, a meal, a break. */
    void pause(double seconds) {
        dutySinceRest += seconds;
        if (seconds >= BREAK_LENGTH) {
            drivingSinceBreak = 0;
        }
    }

    void offDuty() {
        drivingSinceBreak = 0;
        drivingSinceRest = 0;
        dutySinceRest = 0;
    }

    Rest due() {
        if (drivingSinceRest >= DRIVING_LIMIT || dutySinceRest >= DUTY_LIMIT) {
            return Rest.OFF_DUTY;
        }
        return drivingSinceBreak >= BREAK_AFTER ? Rest.BREAK : Rest.NONE;
    }
}
