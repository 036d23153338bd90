package dev.tracelane.tools.geo;

import dev.tracelane.tracking.geo.GreatCircle;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.ItemBoundable;
import org.locationtech.jts.index.strtree.ItemDistance;
import org.locationtech.jts.index.strtree.STRtree;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Offline reverse geocoding over the bundled GeoNames extract (135,000 places of 1,000+ people), in an
 * STR-tree so a lookup visits a handful of nodes, not the list. Among the places close to the position, the
 * most populous wins: "near Joliet" says more than the name of the nearest hamlet. Forward lookups ("loads
 * near Dallas") go through the places by name.
 */
@Singleton
public class PlaceIndex {
    private static final String RESOURCE = "geo/places.tsv.gz";
    private static final int CANDIDATES = 12;
    private static final double COMPARABLE_FACTOR = 2.0;
    private static final double COMPARABLE_SLACK_METERS = 5_000;
    private volatile Loaded loaded;

    /** The tree for reverse lookups and the places by normalised name for forward ones. */
    private record Loaded(STRtree tree, Map<String, List<Place>> byName) {
    }

    @EventListener
    void onStartup(StartupEvent event) {
        loaded();
    }

    /** The place a position is best described by; empty only when the index is empty. */
    public Optional<NearPlace> near(double lat, double lon) {
        Place probe = new Place("", "", "", 0, lat, lon);
        Object[] nearest = loaded().tree().nearestNeighbour(new Envelope(lon, lon, lat, lat), probe, DEGREES,
                CANDIDATES);
        Place best = null;
        double nearestMeters = Double.MAX_VALUE;
        for (Object o : nearest) {
            nearestMeters = Math.min(nearestMeters, meters((Place) o, lat, lon));
        }
        double limit = Math.max(nearestMeters * COMPARABLE_FACTOR, nearestMeters + COMPARABLE_SLACK_METERS);
        for (Object o : nearest) {
            Place p = (Place) o;
            if (meters(p, lat, lon) <= limit && (best == null || p.population() > best.population())) {
                best = p;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        return Optional.of(new NearPlace(best, meters(best, lat, lon),
                Compass.point(Compass.bearing(best.lat(), best.lon(), lat, lon))));
    }

    /**
     * The place a person means by a name: "Dallas", "dallas tx", "Springfield, IL", "Lyon, FR". With a
     * state, province or country after the name, only places there count; among the rest the most populous.
     */
    public Optional<Place> find(String query) {
        return candidates(query).stream().findFirst();
    }

    /** Every place the name may mean, most populous first: "Birmingham" is in England and in Alabama. */
    public List<Place> candidates(String query) {
        String[] words = normalise(query).split(" ");
        Map<String, List<Place>> byName = loaded().byName();
        for (int cut = words.length; cut >= 1; cut--) {
            List<Place> named = byName.get(String.join(" ", Arrays.copyOfRange(words, 0, cut)));
            if (named == null) {
                continue;
            }
            String qualifier = String.join(" ", Arrays.copyOfRange(words, cut, words.length));
            return named.stream()
                    .filter(p -> qualifier.isEmpty() || qualifier.equalsIgnoreCase(p.admin())
                            || qualifier.equalsIgnoreCase(p.country()))
                    .sorted(Comparator.comparingInt(Place::population).reversed())
                    .toList();
        }
        return List.of();
    }

    /** Lower case, no accents, no punctuation, single spaces: how names are keyed and queried. */
    static String normalise(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
    }

    private static double meters(Place p, double lat, double lon) {
        return GreatCircle.meters(p.lat(), p.lon(), lat, lon);
    }

    /**
     * Distance in degrees, the unit the tree prunes its nodes by (it must never exceed the true item distance
     * in those units). It only picks the candidates; they are then ranked in metres.
     */
    private static final ItemDistance DEGREES = (ItemBoundable a, ItemBoundable b) -> {
        Place p = (Place) a.getItem();
        Place q = (Place) b.getItem();
        return Math.hypot(q.lon() - p.lon(), q.lat() - p.lat());
    };

    private Loaded loaded() {
        Loaded current = loaded;
        if (current == null) {
            synchronized (this) {
                if (loaded == null) {
                    loaded = load();
                }
                current = loaded;
            }
        }
        return current;
    }

    private static Loaded load() {
        InputStream raw = PlaceIndex.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (raw == null) {
            throw new IllegalStateException("missing resource " + RESOURCE);
        }
        STRtree index = new STRtree();
        Map<String, List<Place>> byName = new HashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                Place p = new Place(f[0], f[1], f[2], Integer.parseInt(f[3]), Double.parseDouble(f[4]),
                        Double.parseDouble(f[5]));
                index.insert(new Envelope(p.lon(), p.lon(), p.lat(), p.lat()), p);
                byName.computeIfAbsent(normalise(p.name()), k -> new ArrayList<>(1)).add(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + RESOURCE, e);
        }
        index.build();
        return new Loaded(index, byName);
    }
}
