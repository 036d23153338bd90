package dev.tracelane.web.share;

import dev.tracelane.tracking.shipment.Scope;
import dev.tracelane.tracking.storage.Sql;
import dev.tracelane.tracking.storage.StorageException;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The share links issued, so that one can be listed and revoked; a link's token is never stored. The revoked
 * links still unexpired are kept in memory, for the check on every request: this instance's revocations at once,
 * other instances' within {@code tracelane.shares.refresh} (5 s).
 */
@Singleton
public class Shares {
    /** The prefix of a share token's subject: only such tokens are ever checked. */
    public static final String SUBJECT_PREFIX = "share-";
    private static final Logger LOG = LoggerFactory.getLogger(Shares.class);
    private final DataSource dataSource;
    private volatile Set<String> revoked = Set.of();

    public Shares(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Scheduled(fixedDelay = "${tracelane.shares.refresh:5s}")
    void refresh() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT id FROM shares WHERE revoked_at IS NOT NULL AND expires_at > now()");
             ResultSet rs = ps.executeQuery()) {
            Set<String> ids = new HashSet<>();
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
            revoked = Set.copyOf(ids);
        } catch (SQLException e) {
            LOG.warn("Could not refresh the revoked share links; keeping the last list: {}", e.toString());
        }
    }

    @Serdeable
    public record Link(String id, String createdBy, Instant createdAt, Instant expiresAt, Instant revokedAt,
                       String revokedBy) {
    }

    public void issued(String id, long shipmentId, String createdBy, Instant expiresAt) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO shares (id, shipment_id, created_by, expires_at) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setLong(2, shipmentId);
            ps.setString(3, createdBy);
            ps.setTimestamp(4, Sql.timestamp(expiresAt));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("could not store the share link", e);
        }
    }

    /** The shipment's links, newest first. */
    public List<Link> of(long shipmentId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     SELECT id, created_by, created_at, expires_at, revoked_at, revoked_by FROM shares
                      WHERE shipment_id = ? ORDER BY created_at DESC""")) {
            ps.setLong(1, shipmentId);
            List<Link> links = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    links.add(new Link(rs.getString(1), rs.getString(2), Sql.instant(rs.getTimestamp(3)),
                            Sql.instant(rs.getTimestamp(4)), Sql.instant(rs.getTimestamp(5)), rs.getString(6)));
                }
            }
            return links;
        } catch (SQLException e) {
            throw new StorageException("could not read the share links", e);
        }
    }

    /**
     * Revokes a link of a shipment {@code scope} covers (revoking twice is harmless).
     *
     * @return whether there was such a link
     */
    public boolean revoke(String id, Scope scope, String by) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     UPDATE shares SET revoked_at = coalesce(revoked_at, now()), revoked_by = coalesce(revoked_by, ?)
                      WHERE id = ? AND shipment_id IN (SELECT s.id FROM shipments s WHERE\s""" + Scope.CONDITION + ")")) {
            ps.setString(1, by);
            ps.setString(2, id);
            scope.bind(c, ps, 3);
            if (ps.executeUpdate() == 0) {
                return false;
            }
            Set<String> now = new HashSet<>(revoked);
            now.add(id);
            revoked = Set.copyOf(now);
            return true;
        } catch (SQLException e) {
            throw new StorageException("could not revoke the share link", e);
        }
    }

    /** From memory: cheap enough for every request, on the event loop. */
    public boolean isRevoked(String id) {
        return revoked.contains(id);
    }
}
