package dev.tracelane.model.builtin;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class EntitiesTest {

    @Test
    void aReferenceIsFoundHoweverItIsWritten() {
        assertThat(Entities.references("SHP-1042")).containsExactly("SHP-1042");
        assertThat(Entities.references("where is shp-0f23a?")).containsExactly("SHP-0f23a");
        assertThat(Entities.references("SHP1042 please")).containsExactly("SHP-1042");
        assertThat(Entities.references("status of SHP 1042")).containsExactly("SHP-1042");
        assertThat(Entities.references("where is shp 1002")).containsExactly("SHP-1002");
    }

    @Test
    void aReferenceMayHaveOneCapitalForPrefixAndACodeInHyphenatedParts() {
        assertThat(Entities.references("where is R-4?")).containsExactly("R-4");
        assertThat(Entities.references("Where is shipment B-14 right now?")).containsExactly("B-14");
        assertThat(Entities.references("status of PO-2026-0042")).containsExactly("PO-2026-0042");
        assertThat(Entities.references("where is R-ÜNI-1?")).containsExactly("R-ÜNI-1");
        assertThat(Entities.references("where is R2-K1?")).containsExactly("R2-K1");
        assertThat(Entities.references("where is 3pl-778?")).containsExactly("3PL-778");
    }

    @Test
    void interstatesAndModelNumbersAreNotReferences() {
        assertThat(Entities.references("trucks on I-80 near Joliet")).isEmpty();
        assertThat(Entities.references("the F150 and A4 paper")).isEmpty();
    }

    @Test
    void aCodeOfLettersOnlyIsAReferenceAfterACapitalPrefix() {
        assertThat(Entities.references("where's SHP-eebfeaef at")).containsExactly("SHP-eebfeaef");
        assertThat(Entities.references("status of PO-ABCDEF")).containsExactly("PO-ABCDEF");
        assertThat(Entities.references("a follow-up on the drop-off, e-mail me")).isEmpty();
    }

    @Test
    void everyReferenceInAMessageIsFoundInOrder() {
        assertThat(Entities.references("where are SHP-1002, shp 1003 and SHP-1001?"))
                .containsExactly("SHP-1002", "SHP-1003", "SHP-1001");
    }

    @Test
    void numbersAfterOrdinaryWordsAreNotReferences() {
        assertThat(Entities.references("which loads are within 150 km of Dallas")).isEmpty();
        assertThat(Entities.references("show 100 loads near Joliet")).isEmpty();
        assertThat(Entities.references("anything above 8 degrees around 15 minutes ago")).isEmpty();
        assertThat(Entities.references("trucks on hwy 101 or in 2026")).isEmpty();
        assertThat(Entities.references("last seen 105 min ago; it's been 120 minutes at door 104")).isEmpty();
    }

    @Test
    void aNumberNamedAsAnOrderIsKeptForTheResolverToMatch() {
        assertThat(Entities.references("where is order 4411")).containsExactly("4411");
        assertThat(Entities.references("load #5120 status")).containsExactly("5120");
    }

    @Test
    void aNumberAskedAboutAloneIsKeptForTheResolverToMatch() {
        assertThat(Entities.references("where is 1001")).containsExactly("1001");
        assertThat(Entities.references("when will 1003 get here?")).containsExactly("1003");
        assertThat(Entities.references("1002?")).containsExactly("1002");
        assertThat(Entities.references("where's shp 1002 and 1004")).containsExactly("SHP-1002", "1004");
    }

    @Test
    void aQuantityAfterAQuestionsLeadIsNotAReference() {
        assertThat(Entities.references("where are 100 loads going")).isEmpty();
        assertThat(Entities.references("is 150 km too far, and 300 miles?")).isEmpty();
        assertThat(Entities.references("when is 2026-12-04 and 1500 hours")).isEmpty();
        assertThat(Entities.references("500 m off the route")).isEmpty();
    }

    @Test
    void aWordBesideShipmentsMayNameAShipperOrCarrier() {
        assertThat(Entities.party("show me Globex shipments")).contains("Globex");
        assertThat(Entities.party("any loads for initech today?")).contains("initech");
        assertThat(Entities.party("Acme's orders")).contains("Acme");
        assertThat(Entities.party("which shipments are carried by swift-haul?")).contains("swift-haul");
        assertThat(Entities.party("loads due before 5pm for globex")).contains("globex");
        assertThat(Entities.party("what's arriving today from roadrunner?")).contains("roadrunner");
    }

    @Test
    void wordsThatDescribeShipmentsAreNotParties() {
        assertThat(Entities.party("which late shipments are there")).isEmpty();
        assertThat(Entities.party("list all reefer loads")).isEmpty();
        assertThat(Entities.party("how many trucks are on the road")).isEmpty();
        assertThat(Entities.party("anything arriving for tomorrow?")).isEmpty();
    }

    @Test
    void aRadiusIsReadInKilometresOrMiles() {
        assertThat(Entities.radiusKm("which loads are within 50 km of Cincinnati")).isEqualTo(50);
        assertThat(Entities.radiusKm("anything within 30 miles of Dallas?")).isEqualTo(48);
        assertThat(Entities.radiusKm("loads near Dallas")).isZero();
    }

    @Test
    void aSilenceIsReadWithHowLongItLasted() {
        assertThat(Entities.silentMinutes("which trucks haven't reported in the last hour?")).isEqualTo(60);
        assertThat(Entities.silentMinutes("loads that have been silent for 2 hours")).isEqualTo(120);
        assertThat(Entities.silentMinutes("anything we have not heard from in 45 minutes")).isEqualTo(45);
        assertThat(Entities.silentMinutes("any trackers gone silent?")).isZero();
        assertThat(Entities.silentMinutes("where is SHP-1042 in 2 hours")).isZero();
    }

    @Test
    void anAlertSeverityIsNamedByItsWord() {
        assertThat(Entities.severity("show me the critical alerts")).isEqualTo("critical");
        assertThat(Entities.severity("any warnings today?")).isEqualTo("warning");
        assertThat(Entities.severity("what alerts are open")).isNull();
    }

    @Test
    void theLastHourIsAWindowOfOneHour() {
        assertThat(Entities.hours("how many alerts in the last hour?", Instant.parse("2026-12-02T18:00:00Z")))
                .isEqualTo(1);
    }

    @Test
    void aWindowOfHoursAheadIsADeadlineThatManyHoursFromNow() {
        Instant now = Instant.parse("2026-12-03T08:00:00Z");
        assertThat(Entities.due("what's arriving in the next 3 hours", now))
                .contains(new Entities.Due(null, Instant.parse("2026-12-03T11:00:00Z")));
        assertThat(Entities.due("anything due within 12 hrs?", now))
                .contains(new Entities.Due(null, Instant.parse("2026-12-03T20:00:00Z")));
    }

    @Test
    void todayIsEverythingDueBeforeItsEnd() {
        assertThat(Entities.due("what's arriving today", Instant.parse("2026-12-03T08:00:00Z")))
                .contains(new Entities.Due(null, Instant.parse("2026-12-03T23:59:00Z")));
    }

    @Test
    void tomorrowStartsAtTomorrowsMidnight() {
        Instant now = Instant.parse("2026-12-03T08:00:00Z");
        assertThat(Entities.due("what's arriving tomorrow?", now)).contains(new Entities.Due(
                Instant.parse("2026-12-04T00:00:00Z"), Instant.parse("2026-12-04T23:59:00Z")));
        assertThat(Entities.due("anything due tomorrow morning", now)).contains(new Entities.Due(
                Instant.parse("2026-12-04T00:00:00Z"), Instant.parse("2026-12-04T12:00:00Z")));
    }

    @Test
    void thisAfternoonIsFromNoonToSixNotByNoon() {
        assertThat(Entities.due("what's coming in this afternoon", Instant.parse("2026-12-03T10:30:00Z")))
                .contains(new Entities.Due(Instant.parse("2026-12-03T12:00:00Z"),
                        Instant.parse("2026-12-03T18:00:00Z")));
    }

    @Test
    void aClockTimeIsReadDespiteATypoInBefore() {
        assertThat(Entities.due("whats due befor 3pm today", Instant.parse("2026-12-03T10:30:00Z")))
                .contains(new Entities.Due(null, Instant.parse("2026-12-03T15:00:00Z")));
    }

    @Test
    void byTomorrowIncludesToday() {
        assertThat(Entities.due("what's arriving by tomorrow?", Instant.parse("2026-12-03T08:00:00Z")))
                .contains(new Entities.Due(null, Instant.parse("2026-12-04T23:59:00Z")));
    }
}
