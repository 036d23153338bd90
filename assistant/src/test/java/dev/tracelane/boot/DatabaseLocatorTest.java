package dev.tracelane.boot;

import dev.tracelane.tracking.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseLocatorTest {

    @Test
    void usesTheLocalServerWhenItAnswersAndCreatesTheDatabase(@TempDir Path home) throws Exception {
        Database database = new DatabaseLocator(home, Map.of(), TestDatabase.SERVER)
                .locate("tracelane_locator_test", true);
        assertThat(database.description()).startsWith("local PostgreSQL at " + TestDatabase.SERVER);
        assertThat(selectOne(database)).isEqualTo(1);
    }

    @Test
    void aConfiguredUrlWinsAndIsLeftToMicronaut(@TempDir Path home) {
        Database database = new DatabaseLocator(home, Map.of("DATASOURCES_DEFAULT_URL", "jdbc:postgresql://db/x"),
                TestDatabase.SERVER).locate("tracelane", false);
        assertThat(database.properties()).isEmpty();
        assertThat(database.description()).contains("jdbc:postgresql://db/x");
    }

    @Test
    void startsAnEmbeddedPostgresWhenNoServerAnswers(@TempDir Path home) throws Exception {
        Database database = new DatabaseLocator(home, Map.of(), "127.0.0.1:1").locate("tracelane", false);
        assertThat(database.description()).startsWith("embedded PostgreSQL");
        assertThat(home.resolve("pg")).isNotEmptyDirectory();
        assertThat(selectOne(database)).isEqualTo(1);
    }

    private static int selectOne(Database database) throws Exception {
        Map<String, Object> p = database.properties();
        try (Connection c = DriverManager.getConnection((String) p.get("datasources.default.url"),
                (String) p.get("datasources.default.username"), (String) p.get("datasources.default.password"));
             ResultSet rs = c.createStatement().executeQuery("SELECT 1")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
