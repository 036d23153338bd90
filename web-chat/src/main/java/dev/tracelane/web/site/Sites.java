package dev.tracelane.web.site;

import dev.tracelane.tracking.storage.StorageException;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sites table. A site is read on every chat handshake, on the event loop, so it is answered from memory
 * after its first use (see DeviceAuthenticationFetcher for why handshakes must not go async).
 */
@Singleton
public class Sites {
    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();
    private final DataSource dataSource;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Site> known = new ConcurrentHashMap<>();

    public Sites(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A new site of {@code org} under a fresh random key. */
    public Site create(String org, String name, List<String> origins) {
        StringBuilder key = new StringBuilder("sk_");
        for (int i = 0; i < 24; i++) {
            key.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        Site site = new Site(key.toString(), org, name, List.copyOf(origins));
        save(site);
        return site;
    }

    /** Stores a site under the key it names, replacing its origins when it exists (the demo's fixed key). */
    public void save(Site site) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     INSERT INTO sites (site_key, org_id, name, origins) VALUES (?, ?, ?, ?)
                     ON CONFLICT (site_key) DO UPDATE SET name = EXCLUDED.name, origins = EXCLUDED.origins""")) {
            ps.setString(1, site.siteKey());
            ps.setString(2, site.org());
            ps.setString(3, site.name());
            ps.setArray(4, c.createArrayOf("text", site.origins().toArray()));
            ps.executeUpdate();
            known.put(site.siteKey(), site);
        } catch (SQLException e) {
            throw new StorageException("could not store site " + site.name(), e);
        }
    }

    public Optional<Site> find(String siteKey) {
        if (siteKey == null || siteKey.isBlank()) {
            return Optional.empty();
        }
        Site cached = known.get(siteKey);
        if (cached != null) {
            return Optional.of(cached);
        }
        List<Site> found = query("SELECT * FROM sites WHERE site_key = ?", siteKey);
        found.forEach(site -> known.put(site.siteKey(), site));
        return found.stream().findFirst();
    }

    public List<Site> ofOrg(String org) {
        return query("SELECT * FROM sites WHERE org_id = ? ORDER BY created_at", org);
    }

    private List<Site> query(String sql, String parameter) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                List<Site> sites = new ArrayList<>();
                while (rs.next()) {
                    Array origins = rs.getArray("origins");
                    sites.add(new Site(rs.getString("site_key"), rs.getString("org_id"), rs.getString("name"),
                            Arrays.stream((Object[]) origins.getArray()).map(Object::toString).toList()));
                }
                return sites;
            }
        } catch (SQLException e) {
            throw new StorageException("could not read sites", e);
        }
    }
}
