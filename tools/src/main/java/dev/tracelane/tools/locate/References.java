package dev.tracelane.tools.locate;

import dev.tracelane.tracking.shipment.Scope;
import dev.tracelane.tracking.storage.StorageException;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns what a person calls a shipment ("shp 1042", "order 4411", "#4411") into one of the caller's
 * references: exactly, then ignoring case and punctuation, then by its number when only one reference in scope
 * ends with it.
 */
@Singleton
public class References {
    private final DataSource dataSource;

    public References(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<String> resolve(Scope scope, String said) {
        String compact = said.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        if (compact.isEmpty()) {
            return Optional.empty();
        }
        String digits = compact.replaceAll("^[A-Z]+", "");
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     SELECT s.reference,
                            CASE WHEN s.reference = ? THEN 0
                                 WHEN regexp_replace(upper(s.reference), '[^A-Z0-9]', '', 'g') = ? THEN 1
                                 ELSE 2 END AS rank
                       FROM shipments s
                      WHERE (s.reference = ? OR regexp_replace(upper(s.reference), '[^A-Z0-9]', '', 'g') = ?
                             OR (? <> '' AND s.reference ~ ('(^|[^0-9])' || ? || '$')))
                        AND""" + " " + Scope.CONDITION + " ORDER BY rank, s.id DESC LIMIT 3")) {
            ps.setString(1, said.strip());
            ps.setString(2, compact);
            ps.setString(3, said.strip());
            ps.setString(4, compact);
            ps.setString(5, digits);
            ps.setString(6, digits);
            scope.bind(c, ps, 7);
            List<String> found = new ArrayList<>();
            List<Integer> ranks = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                    ranks.add(rs.getInt(2));
                }
            }
            if (found.isEmpty()) {
                return Optional.empty();
            }
            boolean byNumberOnly = ranks.get(0) == 2;
            return byNumberOnly && found.size() > 1 ? Optional.empty() : Optional.of(found.get(0));
        } catch (SQLException e) {
            throw new StorageException("could not resolve reference " + said, e);
        }
    }
}
