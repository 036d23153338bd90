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
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The one thread per instance that moves live messages: it LISTENs on a dedicated connection, and whenever
 * woken (or every half second) sequences the outbox and hands every newly sequenced message, whichever
 * instance wrote it, to this instance's {@link LiveHub}. PostgreSQL carries only the wake-up; bodies are read
 * from the table, except those this instance just sequenced, which it already holds. The fan-out runs on a
 * thread of its own, in the same order, so sockets are written while the next batch is being sequenced.
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
    private final ExecutorService fanOut = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "live-fan-out");
        thread.setDaemon(true);
        return thread;
    });
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
                    sequencer.drain(this::deliverSequenced);
                    deliverUpTo(Long.MAX_VALUE);
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warn("Live pump lost its connection; reconnecting: {}", e.toString());
                    sleep(1_000);
                }
            }
        }
    }

    /** What other instances sequenced before this batch goes first: ids are commit order. */
    private void deliverSequenced(List<LiveMessage> batch) throws SQLException {
        deliverUpTo(batch.get(0).id());
        deliver(batch);
    }

    /** Reads and delivers the messages after the last one delivered and before {@code before}. */
    private void deliverUpTo(long before) throws SQLException {
        List<LiveMessage> batch;
        do {
            batch = messages.between(lastId, before, READ_LIMIT);
            deliver(batch);
        } while (batch.size() == READ_LIMIT);
    }

    private void deliver(List<LiveMessage> batch) {
        if (batch.isEmpty()) {
            return;
        }
        lastId = batch.get(batch.size() - 1).id();
        fanOut.execute(() -> batch.forEach(m -> {
            hub.dispatch(m);
            capacity.observe(m);
        }));
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
        fanOut.shutdownNow();
    }
}
