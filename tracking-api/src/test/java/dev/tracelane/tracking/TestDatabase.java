package dev.tracelane.tracking;

import io.micronaut.test.support.TestPropertyProvider;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * Points a test's application context at a real PostgreSQL: the server in {@code TRACELANE_TEST_PG}
 * (default 127.0.0.1:5432, user postgres), database {@code tracelane_test}, created when missing. Tests keep
 * their data apart with unique ids rather than by resetting the schema, which keeps the suite fast.
 */
public interface TestDatabase extends TestPropertyProvider {
    String SERVER = System.getenv().getOrDefault("TRACELANE_TEST_PG", "127.0.0.1:5432");
    String NAME = "tracelane_test";

    @Override
    default Map<String, String> getProperties() {
        return datasource(NAME, false);
    }

    /** Datasource properties for database {@code name}, created if missing (dropped first when fresh). */
    static Map<String, String> datasource(String name, boolean fresh) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + SERVER + "/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            if (fresh) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                if (!rs.next()) {
                    s.execute("CREATE DATABASE " + name);
                }
            }
            return Map.of("datasources.default.url", "jdbc:postgresql://" + SERVER + "/" + name,
                    "datasources.default.username", "postgres", "datasources.default.password", "");
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is required for the tests at " + SERVER
                    + " (set TRACELANE_TEST_PG=host:port): " + e.getMessage(), e);
        }
    }
}
