package dev.tracelane.chat;

import dev.langchain4j.data.message.AiMessage;
import dev.tracelane.agent.Prompts;
import dev.tracelane.tools.alert.Alert;
import dev.tracelane.tools.alert.AlertChanged;
import dev.tracelane.tracking.identity.Caller;
import dev.tracelane.tracking.shipment.Scope;
import dev.tracelane.tracking.storage.StorageException;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.websocket.WebSocketSession;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Delivers an alert into the chat when it opens or rises above info, and when such an alert is resolved (info,
 * such as a truck stopped for the rest its driver is due, is for the dashboard only): to every user of the
 * shipment's shipper and carrier who may see it, filed in their latest conversation and in its model memory (so
 * "why?" right after it has the context, and a user who was offline finds it on resume) and pushed at once to
 * each of their open sockets. Deliveries run one at a time on a thread of their own, so a conversation's memory
 * is never rewritten by two at once; past {@link ChatLimits#alertsPerMinute()} a user gets one digest per minute
 * instead ({@link AlertStorms}).
 */
@Singleton
public class ProactiveAlerts {
    private static final Logger LOG = LoggerFactory.getLogger(ProactiveAlerts.class);
    private static final long DIGEST_CHECK_SECONDS = 5;
    private final DataSource dataSource;
    private final Conversations conversations;
    private final ConversationMemory memory;
    private final ChatSessions sessions;
    private final Prompts prompts;
    private final JsonMapper json;
    private final AlertStorms storms;
    private final ScheduledExecutorService delivery = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "chat-alerts");
        thread.setDaemon(true);
        return thread;
    });

    public ProactiveAlerts(DataSource dataSource, Conversations conversations, ConversationMemory memory,
                           ChatSessions sessions, Prompts prompts, JsonMapper json, ChatLimits limits, Clock clock) {
        this.dataSource = dataSource;
        this.conversations = conversations;
        this.memory = memory;
        this.sessions = sessions;
        this.prompts = prompts;
        this.json = json;
        this.storms = new AlertStorms(limits, clock);
        delivery.scheduleWithFixedDelay(this::deliverDigests, DIGEST_CHECK_SECONDS, DIGEST_CHECK_SECONDS,
                TimeUnit.SECONDS);
    }

    @EventListener
    void on(AlertChanged changed) {
        delivery.execute(() -> deliverToEntitled(changed));
    }

    private void deliverToEntitled(AlertChanged changed) {
        Alert alert = changed.alert();
        boolean opened = changed.becameNotable();
        boolean resolved = changed.notableEnded();
        if (!opened && !resolved) {
            return;
        }
        String text = resolved ? prompts.alert("resolved", alert.ref(), alert.title())
                : prompts.alert(alert.type(), alert.ref(), alert.title());
        try {
            for (Caller user : entitled(changed.shipmentId(), alert.ref())) {
                if (storms.admit(user, resolved ? alert.type() + "_resolved" : alert.type())) {
                    deliver(user, alert, text);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not deliver alert {} to the chat", alert.id(), e);
        }
    }

    private void deliverDigests() {
        for (AlertStorms.Digest digest : storms.due()) {
            try {
                String byType = digest.byType().entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey().replace('_', ' '))
                        .collect(Collectors.joining(", "));
                Map<String, Object> summary = new LinkedHashMap<>();
                summary.put("title", digest.count() + " more alerts");
                summary.put("severity", "warning");
                summary.put("count", digest.count());
                summary.put("types", digest.byType());
                deliver(digest.user(), summary, prompts.alertDigest(digest.count(), byType));
            } catch (RuntimeException e) {
                LOG.warn("Could not deliver an alert digest to {}", digest.user().username(), e);
            }
        }
    }

    /** @param alert an {@link Alert}, or a digest's summary */
    private void deliver(Caller user, Object alert, String text) {
        Conversation conversation = conversations.latest(user.username())
                .orElseGet(() -> conversations.start(user));
        long seq = conversations.append(conversation.id(), "alert", text, List.of(), alert, null, null);
        memory.append(conversation.id(), AiMessage.from(text));
        String frame;
        try {
            frame = json.writeValueAsString(ChatFrames.alert(seq, conversation.id(), text, alert));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        for (WebSocketSession session : sessions.of(user.username())) {
            session.sendAsync(frame);
        }
    }

    /** Users of the shipper and carrier whose scope covers the shipment, by the same rule as every query. */
    private List<Caller> entitled(long shipmentId, String reference) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     SELECT u.username, u.org_id, u.roles, u.shipments, s.shipper_id, s.carrier_id
                       FROM shipments s JOIN users u ON u.org_id IN (s.shipper_id, s.carrier_id)
                      WHERE s.id = ?""")) {
            ps.setLong(1, shipmentId);
            List<Caller> users = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Caller user = new Caller(rs.getString(1), rs.getString(2), new HashSet<>(strings(rs.getArray(3))),
                            strings(rs.getArray(4)));
                    if (Scope.of(user).covers(reference, rs.getString(5), rs.getString(6))) {
                        users.add(user);
                    }
                }
            }
            return users;
        } catch (SQLException e) {
            throw new StorageException("could not find who may see shipment " + shipmentId, e);
        }
    }

    @PreDestroy
    void stop() {
        delivery.shutdownNow();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
