package dev.tracelane.tracking.ingest;

import dev.tracelane.tracking.identity.Roles;
import dev.tracelane.tracking.websocket.CloseHandshake;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.annotation.Secured;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnClose;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;

/**
 * {@code WS /ws/trackers}: trackers stream single events or batches; each event is acked only once committed.
 * Runs on the event loop and never blocks: decoding is cheap, storage happens on the writer's threads.
 */
@ServerWebSocket("/ws/trackers")
@Secured(Roles.TRACKER)
public class TrackerSocket {
    private static final Logger LOG = LoggerFactory.getLogger(TrackerSocket.class);
    private static final String GUARD = "tracelane.guard";
    /** Netty's own hard cap; frames between the configured limit and this get a clear error first. */
    private static final int HARD_FRAME_LIMIT = 4 * 1024 * 1024;

    private final JsonFrameDecoder decoder;
    private final EventWriter writer;
    private final IngestLimits limits;
    private final JsonMapper json;

    public TrackerSocket(JsonFrameDecoder decoder, EventWriter writer, IngestLimits limits, JsonMapper json) {
        this.decoder = decoder;
        this.writer = writer;
        this.limits = limits;
        this.json = json;
    }

    @OnOpen
    public void onOpen(WebSocketSession session) {
        session.put(GUARD, new ConnectionGuard(limits, System.nanoTime()));
    }

    @OnMessage(maxPayloadLength = HARD_FRAME_LIMIT)
    public void onMessage(String frame, WebSocketSession session) {
        ConnectionGuard guard = session.get(GUARD, ConnectionGuard.class).orElseThrow();
        String trackerId = session.getUserPrincipal().orElseThrow().getName();
        if (frame.length() > limits.maxFrameBytes()
                && frame.getBytes(StandardCharsets.UTF_8).length > limits.maxFrameBytes()) {
            frameFault(session, guard, new Rejection(null, "frame_too_large",
                    "frames are limited to " + limits.maxFrameBytes() + " bytes; send smaller batches"));
            return;
        }
        ParsedEvents parsed;
        try {
            parsed = decoder.decode(trackerId, frame, limits.maxBatch());
        } catch (RejectedEventException e) {
            frameFault(session, guard, new Rejection(null, e.code(), e.getMessage()));
            return;
        }
        parsed.rejected().forEach(r -> send(session, TrackerFrames.Error.of(r)));
        List<TrackingEvent> events = parsed.accepted();
        int admitted = guard.admit(events.size(), System.nanoTime());
        if (admitted < events.size()) {
            for (TrackingEvent refused : events.subList(admitted, events.size())) {
                send(session, TrackerFrames.Error.of(new Rejection(idOf(refused), "rate_limited",
                        "too many events on this connection; wait for acks and slow down")));
            }
            if (guard.strike()) {
                close(session);
                return;
            }
            events = events.subList(0, admitted);
        }
        store(session, guard, List.copyOf(events));
    }

    private void store(WebSocketSession session, ConnectionGuard guard, List<TrackingEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        writer.submit(events).whenComplete((committedAt, failure) -> {
            guard.acked(events.size());
            if (failure == null) {
                send(session, ack(events, committedAt));
            } else {
                Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                String code = cause instanceof WriterUnavailableException u ? u.code()
                        : cause instanceof RejectedEventException r ? r.code() : "unavailable";
                events.forEach(e -> send(session, TrackerFrames.Error.of(
                        new Rejection(idOf(e), code, "not stored: " + cause.getMessage()))));
            }
        });
    }

    private static TrackerFrames.Ack ack(List<TrackingEvent> events, Instant committedAt) {
        List<String> ids = new ArrayList<>(events.size());
        List<String> timestamps = new ArrayList<>(0);
        for (TrackingEvent e : events) {
            if (e.clientId().isEmpty()) {
                timestamps.add(e.ts().toString());
            } else {
                ids.add(e.clientId());
            }
        }
        return new TrackerFrames.Ack("ack", ids, timestamps.isEmpty() ? null : timestamps, events.size(),
                committedAt);
    }

    private static String idOf(TrackingEvent e) {
        return e.clientId().isEmpty() ? null : e.clientId();
    }

    private void frameFault(WebSocketSession session, ConnectionGuard guard, Rejection rejection) {
        send(session, TrackerFrames.Error.of(rejection));
        if (guard.strike()) {
            close(session);
        }
    }

    private void close(WebSocketSession session) {
        send(session, TrackerFrames.Error.of(new Rejection(null, "error_budget_spent",
                "too many faulty frames or floods on this connection; closing")));
        session.close(new CloseReason(CloseReason.POLICY_VIOLATION.getCode(), "error budget spent"));
    }

    private void send(WebSocketSession session, Object frame) {
        if (!session.isOpen()) {
            return;
        }
        try {
            session.sendAsync(json.writeValueAsString(frame));
        } catch (IOException e) {
            LOG.error("could not encode a tracker frame", e);
        }
    }

    @OnClose
    public void onClose(WebSocketSession session, CloseReason reason) {
        session.remove(GUARD);
        CloseHandshake.answer(session, reason);
    }
}
