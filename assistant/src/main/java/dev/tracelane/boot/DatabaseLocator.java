package dev.tracelane.boot;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;

/**
 * Chooses the PostgreSQL to run on, in this order: the one configured with {@code DATASOURCES_DEFAULT_URL};
 * the server on 127.0.0.1:5432 when it answers (creating the database if missing); otherwise an embedded
 * PostgreSQL whose data lives under {@code <home>/pg}, so a machine without a server still runs the product.
 */
public final class DatabaseLocator {
    public static final String LOCAL_SERVER = "127.0.0.1:5432";
    private static final int EMBEDDED_PORT = 54329;
    private final Path home;
    private final Map<String, String> env;
    private final String localServer;

    /** @param localServer host:port tried before falling back to the embedded server */
    public DatabaseLocator(Path home, Map<String, String> env, String localServer) {
        this.home = home;
        this.env = env;
        this.localServer = localServer;
    }

    /** @param fresh drop and recreate the database first (the demo starts from nothing each time) */
    public Database locate(String name, boolean fresh) {
        String configured = env.get("DATASOURCES_DEFAULT_URL");
        if (configured != null && !configured.isBlank()) {
            return new Database(Map.of(), "configured " + configured);
        }
        String user = env.getOrDefault("DATASOURCES_DEFAULT_USERNAME", "postgres");
        String password = env.getOrDefault("DATASOURCES_DEFAULT_PASSWORD", "");
        if (answers(localServer, user, password)) {
            prepare(localServer, user, password, name, fresh);
            return new Database(datasource("jdbc:postgresql://" + localServer + "/" + name, user, password),
                    "local PostgreSQL at " + localServer + ", database " + name);
        }
        String server = "127.0.0.1:" + startEmbedded().getPort();
        prepare(server, "postgres", "", name, fresh);
        return new Database(datasource("jdbc:postgresql://" + server + "/" + name, "postgres", ""),
                "embedded PostgreSQL at " + server + " (data in " + home.resolve("pg").toAbsolutePath()
                        + "), database " + name);
    }

    private static Map<String, Object> datasource(String url, String user, String password) {
        return Map.of("datasources.default.url", url, "datasources.default.username", user,
                "datasources.default.password", password);
    }

    private static boolean answers(String server, String user, String password) {
        try (Connection ignored = connect(server, "postgres", user, password)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static void prepare(String server, String user, String password, String name, boolean fresh) {
        try (Connection c = connect(server, "postgres", user, password); Statement s = c.createStatement()) {
            if (fresh) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                if (!rs.next()) {
                    s.execute("CREATE DATABASE " + name);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not prepare database " + name + " on " + server, e);
        }
    }

    private static Connection connect(String server, String database, String user, String password)
            throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "3");
        return DriverManager.getConnection("jdbc:postgresql://" + server + "/" + database, properties);
    }

    private EmbeddedPostgres startEmbedded() {
        try {
            Path data = home.resolve("pg");
            Files.createDirectories(data);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setPort(EMBEDDED_PORT)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the process is ending; PostgreSQL recovers from its WAL on the next start
                }
            }));
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
    }
}
