package dev.tracelane.tracking.tracker;

import dev.tracelane.tracking.identity.SecretTokens;
import dev.tracelane.tracking.storage.StorageException;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The trackers table: registration and device-token checks. Tokens are stored only as hashes. */
@Singleton
public class Trackers {
    private final DataSource dataSource;
    private final SecretTokens secrets;

    public Trackers(DataSource dataSource, SecretTokens secrets) {
        this.dataSource = dataSource;
        this.secrets = secrets;
    }

    /** @return the new device token, or empty when the id is taken */
    public Optional<String> register(String id, String org, String name) {
        String token = secrets.newToken();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     INSERT INTO trackers (id, org_id, name, token_hash) VALUES (?, ?, ?, ?)
                     ON CONFLICT (id) DO NOTHING""")) {
            ps.setString(1, id);
            ps.setString(2, org);
            ps.setString(3, name);
            ps.setBytes(4, secrets.hash(token));
            return ps.executeUpdate() == 1 ? Optional.of(token) : Optional.empty();
        } catch (SQLException e) {
            throw new StorageException("could not register tracker " + id, e);
        }
    }

    /** @return the tracker id the device token belongs to */
    public Optional<String> authenticate(String token) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id FROM trackers WHERE token_hash = ?")) {
            ps.setBytes(1, secrets.hash(token));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StorageException("could not check a device token", e);
        }
    }

    public Optional<String> ownerOf(String trackerId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT org_id FROM trackers WHERE id = ?")) {
            ps.setString(1, trackerId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StorageException("could not read tracker " + trackerId, e);
        }
    }
}
