package dev.tracelane.tracking.ingest;

import dev.tracelane.tracking.events.CommitParticipant;
import dev.tracelane.tracking.events.CommittedBatch;
import dev.tracelane.tracking.events.EventsCommitted;
import dev.tracelane.tracking.events.ShipmentReported;
import dev.tracelane.tracking.events.ShipmentStatusChanged;
import dev.tracelane.tracking.events.StoredEvent;
import dev.tracelane.tracking.shipment.CurrentState;
import dev.tracelane.tracking.storage.RefusedValues;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Group commit for tracking events. Submissions from every connection queue up; each writer thread takes
 * whatever has gathered while it was busy (up to {@code max-batch} events), stores it with one multi-row
 * statement, folds it into the current state, commits, and only then completes the submissions' futures, which
 * is when trackers get their ack. If PostgreSQL fails, the batch is kept and retried until it commits; while
 * it is failing, or when the queue is full, new submissions are refused at once so nothing is acked unstored.
 * {@link CommitParticipant}s write in the same transaction (the live outbox).
 */
@Singleton
public class EventWriter {
    private static final Logger LOG = LoggerFactory.getLogger(EventWriter.class);

    private static final String INSERT = """
            WITH batch AS (
                SELECT * FROM unnest(?::text[], ?::bigint[], ?::text[], ?::float8[], ?::float8[], ?::float8[],
                                     ?::float8[], ?::float8[], ?::float8[], ?::float8[], ?::float8[],
                                     ?::float8[], ?::text[])
                    AS b(tracker_id, ts_ms, client_id, lat, lon, speed, heading, accuracy, altitude,
                         temperature, humidity, battery, event)
            ), owner AS (
                -- the tracker's shipment: the oldest one not yet delivered, else the newest delivered one. The
                -- state is a scalar subquery, a lookup by key per shipment, so no plan (stale statistics, a
                -- generic plan made while the tables were small) can turn it into a scan per tracker.
                SELECT t.tracker_id,
                       (SELECT c.id
                          FROM (SELECT s.id, (SELECT st.status FROM shipment_state st
                                               WHERE st.shipment_id = s.id) = 'delivered' AS delivered
                                  FROM shipments s WHERE s.tracker_id = t.tracker_id) c
                         ORDER BY c.delivered, CASE WHEN c.delivered THEN -c.id ELSE c.id END
                         LIMIT 1) AS shipment_id
                  FROM (SELECT DISTINCT tracker_id FROM batch) t
            )
            INSERT INTO tracking_events (tracker_id, ts, client_id, shipment_id, received_at, lat, lon, speed,
                                         heading, accuracy, altitude, temperature, humidity, battery, event)
            SELECT b.tracker_id, to_timestamp(b.ts_ms / 1000.0), b.client_id, o.shipment_id, ?, b.lat, b.lon,
                   b.speed, b.heading, b.accuracy, b.altitude, b.temperature, b.humidity, b.battery, b.event
              FROM batch b JOIN owner o USING (tracker_id)
            ON CONFLICT DO NOTHING
            RETURNING tracker_id, (extract(epoch FROM ts) * 1000)::bigint, client_id, shipment_id""";

    private final DataSource dataSource;
    private final CurrentState currentState;
    private final ApplicationEventPublisher<EventsCommitted> committedPublisher;
    private final ApplicationEventPublisher<ShipmentStatusChanged> statusPublisher;
    private final ApplicationEventPublisher<ShipmentReported> reportedPublisher;
    private final List<CommitParticipant> participants;
    private final Clock clock;
    private final int maxBatch;
    private final int capacity;
    private final LinkedBlockingQueue<Submission> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger queuedEvents = new AtomicInteger();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean databaseFailing;
    private volatile boolean running = true;

    public EventWriter(DataSource dataSource, CurrentState currentState,
                       ApplicationEventPublisher<EventsCommitted> committedPublisher,
                       ApplicationEventPublisher<ShipmentStatusChanged> statusPublisher,
                       ApplicationEventPublisher<ShipmentReported> reportedPublisher,
                       List<CommitParticipant> participants, Clock clock,
                       @Value("${tracelane.writer.threads:2}") int writerThreads,
                       @Value("${tracelane.writer.max-batch:4000}") int maxBatch,
                       @Value("${tracelane.writer.queue-capacity:100000}") int capacity) {
        this.dataSource = dataSource;
        this.currentState = currentState;
        this.committedPublisher = committedPublisher;
        this.statusPublisher = statusPublisher;
        this.reportedPublisher = reportedPublisher;
        this.participants = participants;
        this.clock = clock;
        this.maxBatch = maxBatch;
        this.capacity = capacity;
        for (int i = 0; i < writerThreads; i++) {
            Thread thread = new Thread(this::run, "event-writer-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    /**
     * Queues events for the next group commit.
     *
     * @return completes with the commit's time after the events are committed (duplicates included: they are
     *         already stored), or fails with {@link WriterUnavailableException}, or with
     *         {@link RejectedEventException} when PostgreSQL refuses a value of these events
     */
    public CompletableFuture<Instant> submit(List<TrackingEvent> events) {
        if (events.isEmpty()) {
            return CompletableFuture.completedFuture(clock.instant());
        }
        if (databaseFailing || !running) {
            return CompletableFuture.failedFuture(
                    new WriterUnavailableException("unavailable", "storage is unavailable; resend later"));
        }
        if (queuedEvents.addAndGet(events.size()) > capacity) {
            queuedEvents.addAndGet(-events.size());
            return CompletableFuture.failedFuture(
                    new WriterUnavailableException("overloaded", "ingestion is saturated; resend later"));
        }
        Submission submission = new Submission(events, new CompletableFuture<>());
        queue.add(submission);
        return submission.done();
    }

    /** True while PostgreSQL is refusing writes; ingest endpoints answer 503 meanwhile. */
    public boolean isDatabaseFailing() {
        return databaseFailing;
    }

    private void run() {
        while (running) {
            List<Submission> batch;
            try {
                batch = nextBatch();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (!batch.isEmpty()) {
                writeUntilCommitted(batch);
            }
        }
    }

    private List<Submission> nextBatch() throws InterruptedException {
        Submission first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
            return List.of();
        }
        List<Submission> batch = new ArrayList<>();
        batch.add(first);
        int events = first.events().size();
        Submission next;
        while (events < maxBatch && (next = queue.poll()) != null) {
            batch.add(next);
            events += next.events().size();
        }
        return batch;
    }

    private void writeUntilCommitted(List<Submission> batch) {
        long backoffMs = 100;
        while (true) {
            try {
                Written written = write(batch);
                CommittedBatch committed = written.batch();
                databaseFailing = false;
                int size = batch.stream().mapToInt(s -> s.events().size()).sum();
                queuedEvents.addAndGet(-size);
                // Listeners hear of a batch before its senders do, so a sender that waits for its ack before
                // sending newer readings never has them judged (in event time) ahead of the older ones.
                if (!committed.stored().isEmpty()) {
                    committedPublisher.publishEvent(new EventsCommitted(committed.stored()));
                }
                committed.reported().forEach(reportedPublisher::publishEvent);
                committed.statusChanges().forEach(statusPublisher::publishEvent);
                batch.forEach(s -> s.done().complete(written.committedAt()));
                return;
            } catch (SQLException | RuntimeException e) {
                Optional<String> refused = RefusedValues.of(e);
                if (refused.isPresent()) {
                    refuse(batch, refused.get());
                    return;
                }
                if (!databaseFailing) {
                    LOG.warn("Storing a batch failed; holding it and retrying until PostgreSQL answers", e);
                }
                databaseFailing = true;
                if (!running) {
                    batch.forEach(s -> s.done().completeExceptionally(
                            new WriterUnavailableException("unavailable", "shutting down")));
                    return;
                }
                sleep(backoffMs);
                backoffMs = Math.min(backoffMs * 2, 2_000);
            }
        }
    }

    /**
     * PostgreSQL refused a value in the batch, which no retry can change: each submission is written on its own,
     * so only the one that holds the value is refused, with the reason, and the others' events are stored.
     */
    private void refuse(List<Submission> batch, String reason) {
        if (batch.size() > 1) {
            batch.forEach(s -> writeUntilCommitted(List.of(s)));
            return;
        }
        Submission s = batch.get(0);
        LOG.info("PostgreSQL refused {} events of one submission: {}", s.events().size(), reason);
        queuedEvents.addAndGet(-s.events().size());
        s.done().completeExceptionally(new RejectedEventException("unstorable", reason));
    }

    /** A batch as committed, and when: acks carry the time, so clients can time what follows a commit. */
    private record Written(CommittedBatch batch, Instant committedAt) {
    }

    private Written write(List<Submission> batch) throws SQLException {
        Map<TrackingEvent.EventKey, TrackingEvent> byKey = new HashMap<>();
        List<TrackingEvent> events = new ArrayList<>();
        for (Submission s : batch) {
            for (TrackingEvent e : s.events()) {
                if (byKey.putIfAbsent(e.key(), e) == null) {
                    events.add(e);
                }
            }
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                CommittedBatch committed = currentState.apply(c, insert(c, events, byKey));
                for (CommitParticipant participant : participants) {
                    participant.beforeCommit(c, committed);
                }
                c.commit();
                Instant committedAt = clock.instant();
                afterCommit(c, committed);
                return new Written(committed, committedAt);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private void afterCommit(Connection c, CommittedBatch committed) {
        for (CommitParticipant participant : participants) {
            try {
                participant.afterCommit(c, committed);
            } catch (SQLException | RuntimeException e) {
                LOG.warn("After-commit step of {} failed; the batch is stored: {}",
                        participant.getClass().getSimpleName(), e.toString());
            }
        }
    }

    private List<StoredEvent> insert(Connection c, List<TrackingEvent> events,
                                     Map<TrackingEvent.EventKey, TrackingEvent> byKey) throws SQLException {
        int n = events.size();
        String[] tracker = new String[n];
        Long[] ts = new Long[n];
        String[] clientId = new String[n];
        String[] event = new String[n];
        Double[][] numbers = new Double[10][n];
        for (int i = 0; i < n; i++) {
            TrackingEvent e = events.get(i);
            tracker[i] = e.trackerId();
            ts[i] = e.ts().toEpochMilli();
            clientId[i] = e.clientId();
            event[i] = e.event();
            numbers[0][i] = e.lat();
            numbers[1][i] = e.lon();
            numbers[2][i] = e.speed();
            numbers[3][i] = e.heading();
            numbers[4][i] = e.accuracy();
            numbers[5][i] = e.altitude();
            numbers[6][i] = e.temperature();
            numbers[7][i] = e.humidity();
            numbers[8][i] = e.battery();
        }
        List<StoredEvent> stored = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setArray(1, c.createArrayOf("text", tracker));
            ps.setArray(2, c.createArrayOf("bigint", ts));
            ps.setArray(3, c.createArrayOf("text", clientId));
            for (int f = 0; f < 9; f++) {
                ps.setArray(4 + f, c.createArrayOf("float8", numbers[f]));
            }
            ps.setArray(13, c.createArrayOf("text", event));
            ps.setObject(14, clock.instant().atOffset(ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    TrackingEvent.EventKey key = new TrackingEvent.EventKey(rs.getString(1),
                            Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3));
                    long shipment = rs.getLong(4);
                    stored.add(new StoredEvent(rs.wasNull() ? null : shipment, byKey.get(key)));
                }
            }
        }
        return stored;
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
        for (Thread thread : threads) {
            thread.join(5_000);
        }
    }

    private record Submission(List<TrackingEvent> events, CompletableFuture<Instant> done) {
    }
}
