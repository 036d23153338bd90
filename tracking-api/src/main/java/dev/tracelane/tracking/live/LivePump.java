package dev.tracelane.tracking.live;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The one thread per instance that moves live messages: it LISTENs on a dedicated connection, and whenever
 * woken (or every half second) sequences the outbox and hands every newly sequenced message, whichever
 * instance wrote it, to this instance's {@link LiveHub}. PostgreSQL carries only the wake-up; bodies are read
 * from the table.
 */
@Singleton
public class LivePump {
    private static final Logger LOG = LoggerFactory.getLogger(LivePump.class);
    private static final int WAIT_MS = 500;
    private static final int READ_LIMIT = 10_000;

    private final DataSource dataSource;
    private final LiveSequencer sequencer;
    private final LiveMessages messages;
    private final LiveHub hub;
    private final CapacityTopic capacity;
    private volatile boolean running = true;
    private Thread thread;
    private long lastId;

    public LivePump(DataSource dataSource, LiveSequencer sequencer, LiveMessages messages, LiveHub hub,
                    CapacityTopic capacity) {
        this.capacity = capacity;
        this.dataSource = dataSource;
        this.sequencer = sequencer;
        this.messages = messages;
        this.hub = hub;
    }

    @EventListener
    void onStartup(StartupEvent event) throws SQLException {
        lastId = messages.lastId();
        thread = new Thread(this::run, "live-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + LiveOutbox.CHANNEL);
                    s.execute("LISTEN " + LiveSequencer.CHANNEL);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    pg.getNotifications(WAIT_MS);
                    sequencer.drain();
                    deliverNew();
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warn("Live pump lost its connection; reconnecting: {}", e.toString());
                    sleep(1_000);
                }
            }
        }
    }

    private void deliverNew() throws SQLException {
        while (true) {
            var batch = messages.after(lastId, READ_LIMIT);
            for (LiveMessage m : batch) {
                hub.dispatch(m);
                capacity.observe(m);
                lastId = m.id();
            }
            if (batch.size() < READ_LIMIT) {
                return;
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(2_000);
        }
    }
}
