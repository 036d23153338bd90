package dev.tracelane.demo;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's planned routes keep to the land: checked against the Census Bureau's shoreline-clipped outline of
 * the contiguous US (test resource {@code demo/us-land-10m.geojson}, see its ATTRIBUTION.txt). Water is what lies
 * inside the dashboard's coarse outline of the US (lakes and bays included) but outside that land; a point within
 * {@link #SHORE_DEGREES} of the land counts as on it, for the outline's generalisation and bridges.
 */
class RoadNetworkTest {
    /** About 2 km. */
    private static final double SHORE_DEGREES = 0.02;
    private final GeometryFactory geometry = new GeometryFactory();
    private final JsonMapper json = JsonMapper.createDefault();

    @Test
    void noPlannedRouteBetweenTwoDemoCitiesCrossesALakeOrTheSea() throws IOException {
        PreparedGeometry land = PreparedGeometryFactory.prepare(polygon(ring(read("demo/us-land-10m.geojson")))
                .buffer(SHORE_DEGREES));
        PreparedGeometry outline = PreparedGeometryFactory.prepare(unitedStates(
                read("web/assets/basemap/countries-110m.geojson")));
        RoadNetwork roads = new RoadNetwork();
        List<String> wet = new ArrayList<>();
        List<City> cities = roads.cities();
        for (int i = 0; i < cities.size(); i++) {
            for (int j = i + 1; j < cities.size(); j++) {
                for (LatLon p : roads.route(roads.waypoints(cities.get(i), cities.get(j)))) {
                    Geometry point = geometry.createPoint(new Coordinate(p.lon(), p.lat()));
                    if (outline.contains(point) && !land.contains(point)) {
                        wet.add(cities.get(i).name() + " - " + cities.get(j).name() + " at " + p);
                        break;
                    }
                }
            }
        }
        assertThat(wet).isEmpty();
    }

    private Map<String, Object> read(String resource) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return json.readValue(in.readAllBytes(), Argument.mapOf(String.class, Object.class));
        }
    }

    @SuppressWarnings("unchecked")
    private Geometry unitedStates(Map<String, Object> countries) {
        for (Map<String, Object> feature : (List<Map<String, Object>>) countries.get("features")) {
            if ("United States of America".equals(((Map<String, Object>) feature.get("properties")).get("name"))) {
                Map<String, Object> shape = (Map<String, Object>) feature.get("geometry");
                List<Polygon> parts = new ArrayList<>();
                for (Object part : (List<Object>) shape.get("coordinates")) {
                    parts.add(polygon((List<List<Number>>) ((List<Object>) part).get(0)));
                }
                return geometry.createMultiPolygon(parts.toArray(Polygon[]::new));
            }
        }
        throw new AssertionError("no United States in the basemap");
    }

    @SuppressWarnings("unchecked")
    private static List<List<Number>> ring(Map<String, Object> polygon) {
        return (List<List<Number>>) ((List<Object>) polygon.get("coordinates")).get(0);
    }

    private Polygon polygon(List<List<Number>> ring) {
        Coordinate[] coordinates = ring.stream()
                .map(c -> new Coordinate(c.get(0).doubleValue(), c.get(1).doubleValue())).toArray(Coordinate[]::new);
        LinearRing shell = geometry.createLinearRing(coordinates);
        return geometry.createPolygon(shell);
    }
}
