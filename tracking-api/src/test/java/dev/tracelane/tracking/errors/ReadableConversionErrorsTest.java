package dev.tracelane.tracking.errors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReadableConversionErrorsTest {
    @Test
    void theInnermostTypeThatFailedSaysWhatWasExpectedAndWhere() {
        assertThat(ReadableConversionErrors.describe("Cannot deserialize value of type "
                + "`dev.tracelane.tracking.shipment.ShipmentModel$Place` due to: Cannot deserialize value of type "
                + "`java.lang.Double` due to: Unable to coerce string to double \n at [Source: REDACTED; line: 1, "
                + "column: 68]")).isEqualTo("expected a number at line 1, column 68");
        assertThat(ReadableConversionErrors.describe("Unexpected token VALUE_STRING, expected START_OBJECT \n at "
                + "[Source: REDACTED; line: 1, column: 57]")).isEqualTo("expected an object at line 1, column 57");
        assertThat(ReadableConversionErrors.describe("Error decoding property [OffsetDateTime plannedDeparture] of type"
                + " [class dev.tracelane.tracking.shipment.ShipmentModel$NewShipment]: Text '2026-12-02' could not be "
                + "parsed at index 10")).isEqualTo("expected an ISO-8601 time or epoch milliseconds for plannedDeparture");
        assertThat(ReadableConversionErrors.describe("")).isEqualTo("could not be read");
    }
}
