package dev.tracelane.tools.eta;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The drivers' clock as readings show it, minute by minute. */
class DrivingClockTest {

    @Test
    void tenHoursStandingIsTheDailyRestEvenWithAStrayFixInIt() {
        DrivingClock clock = new DrivingClock(RestRules.US);
        drive(clock, 9 * 60);
        stand(clock, 5 * 60);
        clock.add(55, 0); // one fix thrown 300 m off: a minute that looks like driving
        stand(clock, 5 * 60);
        assertThat(clock.sinceDailyRest()).isLessThanOrEqualTo(Duration.ofMinutes(1));
        assertThat(clock.onDuty()).isZero();
    }

    @Test
    void aRestReadAFewMinutesShortIsStillTheDailyRest() {
        DrivingClock clock = new DrivingClock(RestRules.US);
        drive(clock, 9 * 60);
        stand(clock, 9 * 60 + 56);
        assertThat(clock.sinceDailyRest()).isZero();
    }

    @Test
    void aStopAnHourShortOfTheDailyRestIsOnlyABreak() {
        DrivingClock clock = new DrivingClock(RestRules.US);
        drive(clock, 9 * 60);
        stand(clock, 9 * 60);
        assertThat(clock.sinceDailyRest()).isEqualTo(Duration.ofHours(9));
        assertThat(clock.sinceBreak()).isZero();
    }

    @Test
    void drivingOnBetweenTwoStopsKeepsThemApart() {
        DrivingClock clock = new DrivingClock(RestRules.US);
        drive(clock, 8 * 60);
        stand(clock, 20);
        drive(clock, 10);
        stand(clock, 20);
        assertThat(clock.sinceBreak()).isEqualTo(Duration.ofMinutes(8 * 60 + 10));
    }

    @Test
    void earlyInTheDayNoRestIsDue() {
        DrivingClock clock = new DrivingClock(RestRules.US);
        drive(clock, 120);
        assertThat(clock.restDue()).isZero();
    }

    @Test
    void nearTheBreakLimitAStopIsTheBreak() {
        DrivingClock clock = new DrivingClock(RestRules.US);
        drive(clock, 7 * 60 + 30);
        assertThat(clock.restDue()).isEqualTo(RestRules.US.breakLength());
    }

    @Test
    void nearTheDailyDrivingLimitAStopIsTheDailyRest() {
        DrivingClock clock = new DrivingClock(RestRules.US);
        drive(clock, 6 * 60);
        stand(clock, 30);
        drive(clock, 4 * 60 + 30);
        assertThat(clock.restDue()).isEqualTo(RestRules.US.dailyRest());
    }

    private static void drive(DrivingClock clock, int minutes) {
        for (int m = 0; m < minutes; m++) {
            clock.add(60, 0);
        }
    }

    private static void stand(DrivingClock clock, int minutes) {
        for (int m = 0; m < minutes; m++) {
            clock.add(0, 60);
        }
    }
}
