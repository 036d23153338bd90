package dev.tracelane.tracking.identity;

import dev.tracelane.tracking.storage.StorageException;

import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The users table. */
@Singleton
public class Users {
    private final DataSource dataSource;

    public Users(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @return false when the username is taken */
    public boolean create(User user) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     INSERT INTO users (username, org_id, password_hash, roles, shipments)
                     VALUES (?, ?, ?, ?, ?) ON CONFLICT (username) DO NOTHING""")) {
            ps.setString(1, user.username());
            ps.setString(2, user.org());
            ps.setString(3, user.passwordHash());
            ps.setArray(4, c.createArrayOf("text", user.roles().toArray()));
            ps.setArray(5, user.shipments().isEmpty() ? null : c.createArrayOf("text", user.shipments().toArray()));
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StorageException("could not create user " + user.username(), e);
        }
    }

    public Optional<User> find(String username) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT username, org_id, password_hash, roles, shipments FROM users WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new User(rs.getString(1), rs.getString(2), rs.getString(3),
                        Set.of(strings(rs.getArray(4))), List.of(strings(rs.getArray(5)))));
            }
        } catch (SQLException e) {
            throw new StorageException("could not read user " + username, e);
        }
    }

    private static String[] strings(Array array) throws SQLException {
        return array == null ? new String[0] : (String[]) array.getArray();
    }
}
