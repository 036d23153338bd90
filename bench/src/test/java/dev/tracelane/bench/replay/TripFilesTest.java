package dev.tracelane.bench.replay;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TripFilesTest {

    @Test
    void optionalColumnsMayBeMissingAndColumnsComeInAnyOrder(@TempDir Path dir) throws IOException {
        Path trips = Files.writeString(dir.resolve("trips.csv"), """
                dest_lat,dest_lon,trip_id,origin_lat,origin_lon
                29.76,-95.37,a1,38.63,-90.2
                """);
        Path pings = Files.writeString(dir.resolve("pings.csv"), """
                trip_id,ts,lat,lon
                a1,1780000000,38.63,-90.2
                a1,1780000060.4,38.64,-90.21
                """);
        List<TripData> read = TripFiles.read(trips, pings, null);
        Trip trip = read.get(0).trip();
        assertEquals("a1", trip.id());
        assertNull(trip.lane());
        assertNull(trip.plannedDeparture());
        assertNull(trip.promisedUntil());
        assertEquals(new LatLon(29.76, -95.37), trip.destination());
        assertEquals(List.of(1_780_000_000L, 1_780_000_060L), read.get(0).pings().stream().map(Ping::ts).toList());
        assertNull(read.get(0).pings().get(0).speed());
        assertTrue(read.get(0).events().isEmpty());
    }

    @Test
    void emptyCellsQuotesAndOffsetsAreUnderstood(@TempDir Path dir) throws IOException {
        Path trips = Files.writeString(dir.resolve("trips.csv"), """
                trip_id,lane,origin_lat,origin_lon,dest_lat,dest_lon,planned_departure,promised_until
                b,"Here, there",1,2,3,4,2026-08-20T13:45:00+02:00,
                """);
        Path pings = Files.writeString(dir.resolve("pings.csv"), """
                trip_id,ts,lat,lon,speed,temperature
                b,1780000000,1,2,,4.5
                b,1780000060,1,2,12.5,
                """);
        TripData read = TripFiles.read(trips, pings, null).get(0);
        assertEquals("Here, there", read.trip().lane());
        assertEquals(Instant.parse("2026-08-20T11:45:00Z"), read.trip().plannedDeparture());
        assertNull(read.trip().promisedUntil());
        assertEquals(new Ping("b", 1_780_000_000L, 1, 2, null, 4.5), read.pings().get(0));
        assertEquals(new Ping("b", 1_780_000_060L, 1, 2, 12.5, null), read.pings().get(1));
    }

    @Test
    void aPingOfAnUnknownTripIsAnError(@TempDir Path dir) throws IOException {
        Path trips = Files.writeString(dir.resolve("trips.csv"), "trip_id,origin_lat,origin_lon,dest_lat,dest_lon\n");
        Path pings = Files.writeString(dir.resolve("pings.csv"), "trip_id,ts,lat,lon\nzz,1,2,3\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TripFiles.read(trips, pings, null));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void cellsWithCommasOrQuotesAreQuoted() {
        assertEquals("a,\"b,c\",\"say \"\"hi\"\"\",\n", Csv.line("a", "b,c", "say \"hi\"", null));
        assertEquals(List.of("a", "b,c", "say \"hi\"", ""), Csv.split("a,\"b,c\",\"say \"\"hi\"\"\","));
    }
}
