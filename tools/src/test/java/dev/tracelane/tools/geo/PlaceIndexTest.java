package dev.tracelane.tools.geo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlaceIndexTest {
    private final PlaceIndex places = new PlaceIndex();

    @Test
    void aPositionInTownIsInThatTown() {
        assertThat(places.near(43.0389, -87.9065).orElseThrow().describe()).isEqualTo("in Milwaukee, WI");
    }

    @Test
    void aPositionOutsideTownIsNearItWithDistanceAndDirection() {
        // 9 km north-east of Joliet's centre, closer to smaller villages than to Joliet
        NearPlace near = places.near(41.58, -88.00).orElseThrow();
        assertThat(near.describe()).isEqualTo("near Joliet, IL (9 km NE of the centre)");
    }

    @Test
    void outsideNorthAmericaTheCountryNamesThePlace() {
        assertThat(places.near(48.8566, 2.3522).orElseThrow().describe()).isEqualTo("in Paris, FR");
    }

    @Test
    void aNameFindsItsMostPopulousPlace() {
        assertThat(places.find("Dallas").orElseThrow().label()).isEqualTo("Dallas, TX");
        assertThat(places.find("lyon").orElseThrow().label()).isEqualTo("Lyon, FR");
    }

    @Test
    void aStateOrCountryAfterTheNameNarrowsIt() {
        assertThat(places.find("Springfield, IL").orElseThrow().label()).isEqualTo("Springfield, IL");
        assertThat(places.find("springfield mo").orElseThrow().label()).isEqualTo("Springfield, MO");
    }

    @Test
    void accentsAndCaseDoNotMatterAndAnUnknownNameFindsNothing() {
        assertThat(places.find("SAO PAULO").orElseThrow().country()).isEqualTo("BR");
        assertThat(places.find("Xqzzyville")).isEmpty();
    }
}
