package dev.tracelane.tracking.identity;

import dev.tracelane.tracking.storage.StorageException;

import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The orgs table. Known ids are remembered because every JWT's org is checked against it. */
@Singleton
public class Orgs {
    private final DataSource dataSource;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    public Orgs(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @return false when the id is taken */
    public boolean create(String id, String name) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO orgs (id, name) VALUES (?, ?) ON CONFLICT (id) DO NOTHING")) {
            ps.setString(1, id);
            ps.setString(2, name);
            boolean created = ps.executeUpdate() == 1;
            known.add(id);
            return created;
        } catch (SQLException e) {
            throw new StorageException("could not create org " + id, e);
        }
    }

    public boolean exists(String id) {
        if (id == null || id.isEmpty()) {
            return false;
        }
        if (known.contains(id)) {
            return true;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT 1 FROM orgs WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                boolean found = rs.next();
                if (found) {
                    known.add(id);
                }
                return found;
            }
        } catch (SQLException e) {
            throw new StorageException("could not read org " + id, e);
        }
    }
}
