package dev.tracelane.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * A coarse interstate graph between real US cities ({@code demo/cities.csv}, {@code demo/roads.csv}). Planned
 * routes are shortest paths through it, drawn with points every ~2 km and a gentle meander so they look like
 * roads rather than straight lines. A road along a lake or a coast lists points it passes (its via), so it keeps
 * to the land: Chicago to Milwaukee does not cross Lake Michigan.
 */
final class RoadNetwork {
    private static final double STEP_METERS = 2_000;
    private static final double MEANDER_METERS = 1_500;
    private static final double MEANDER_WAVELENGTH_METERS = 40_000;

    private final Map<String, City> cities = new LinkedHashMap<>();
    private final Map<String, List<City>> neighbours = new HashMap<>();
    /** The points between two neighbouring cities, keyed "from|to", in driving order. */
    private final Map<String, List<LatLon>> vias = new HashMap<>();

    RoadNetwork() {
        for (String[] row : csv("demo/cities.csv")) {
            cities.put(row[0], new City(row[0], new LatLon(Double.parseDouble(row[1]), Double.parseDouble(row[2]))));
        }
        for (String[] row : csv("demo/roads.csv")) {
            City a = city(row[0]);
            City b = city(row[1]);
            neighbours.computeIfAbsent(a.name(), k -> new ArrayList<>()).add(b);
            neighbours.computeIfAbsent(b.name(), k -> new ArrayList<>()).add(a);
            List<LatLon> via = row.length > 2 ? via(row[2]) : List.of();
            vias.put(a.name() + "|" + b.name(), via);
            List<LatLon> back = new ArrayList<>(via);
            Collections.reverse(back);
            vias.put(b.name() + "|" + a.name(), back);
        }
    }

    List<City> cities() {
        return List.copyOf(cities.values());
    }

    City city(String name) {
        City city = cities.get(name);
        if (city == null) {
            throw new IllegalArgumentException("unknown demo city " + name);
        }
        return city;
    }

    /** The cities a truck passes through, origin and destination included (Dijkstra on distance). */
    List<City> waypoints(City from, City to) {
        Map<String, Double> distance = new HashMap<>();
        Map<String, City> previous = new HashMap<>();
        PriorityQueue<Map.Entry<City, Double>> queue = new PriorityQueue<>(Map.Entry.comparingByValue());
        distance.put(from.name(), 0.0);
        queue.add(Map.entry(from, 0.0));
        while (!queue.isEmpty()) {
            Map.Entry<City, Double> head = queue.poll();
            City city = head.getKey();
            if (head.getValue() > distance.get(city.name())) {
                continue;
            }
            if (city.equals(to)) {
                break;
            }
            for (City next : neighbours.getOrDefault(city.name(), List.of())) {
                double d = head.getValue() + length(points(city, next));
                if (d < distance.getOrDefault(next.name(), Double.MAX_VALUE)) {
                    distance.put(next.name(), d);
                    previous.put(next.name(), city);
                    queue.add(Map.entry(next, d));
                }
            }
        }
        if (!distance.containsKey(to.name())) {
            throw new IllegalArgumentException("no road from " + from.name() + " to " + to.name());
        }
        List<City> path = new ArrayList<>();
        for (City c = to; c != null; c = previous.get(c.name())) {
            path.add(0, c);
        }
        return path;
    }

    /** The drawn route: dense points along the waypoints and vias, offset sideways by a smooth meander. */
    List<LatLon> route(List<City> waypoints) {
        List<LatLon> corners = new ArrayList<>();
        for (int i = 0; i + 1 < waypoints.size(); i++) {
            List<LatLon> leg = points(waypoints.get(i), waypoints.get(i + 1));
            corners.addAll(leg.subList(0, leg.size() - 1));
        }
        corners.add(waypoints.get(waypoints.size() - 1).at());
        List<LatLon> points = new ArrayList<>();
        double travelled = 0;
        for (int i = 0; i + 1 < corners.size(); i++) {
            LatLon a = corners.get(i);
            LatLon b = corners.get(i + 1);
            double length = a.metersTo(b);
            int steps = Math.max(1, (int) Math.ceil(length / STEP_METERS));
            double bearing = a.bearingTo(b);
            for (int s = 0; s < steps; s++) {
                double fraction = (double) s / steps;
                // zero at every city and via, so the route passes through them
                double meander = MEANDER_METERS * Math.sin(Math.PI * fraction)
                        * Math.sin(2 * Math.PI * (travelled + fraction * length) / MEANDER_WAVELENGTH_METERS);
                points.add(a.towards(b, fraction).offset(bearing + 90, meander));
            }
            travelled += length;
        }
        points.add(corners.get(corners.size() - 1));
        return points;
    }

    /** From one city to its neighbour: the city, the road's vias, the neighbour. */
    private List<LatLon> points(City from, City to) {
        List<LatLon> points = new ArrayList<>();
        points.add(from.at());
        points.addAll(vias.getOrDefault(from.name() + "|" + to.name(), List.of()));
        points.add(to.at());
        return points;
    }

    private static double length(List<LatLon> points) {
        double meters = 0;
        for (int i = 0; i + 1 < points.size(); i++) {
            meters += points.get(i).metersTo(points.get(i + 1));
        }
        return meters;
    }

    private static List<LatLon> via(String text) {
        List<LatLon> points = new ArrayList<>();
        for (String point : text.strip().split(";")) {
            String[] latLon = point.strip().split("\\s+");
            points.add(new LatLon(Double.parseDouble(latLon[0]), Double.parseDouble(latLon[1])));
        }
        return points;
    }

    private static List<String[]> csv(String resource) {
        InputStream in = RoadNetwork.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing resource " + resource);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split(",")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
