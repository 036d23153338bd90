package dev.tracelane.tracking.live;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A transport whose writes complete only when the test says so: a reader that stopped reading, seen from the server. */
final class ManualTransport implements LiveTransport {
    final List<String> frames = new ArrayList<>();
    final List<LiveFrame> sent = new ArrayList<>();
    final List<CompletableFuture<Void>> unwritten = new ArrayList<>();
    Integer closedWith;
    int heartbeats;

    @Override
    public CompletionStage<?> send(LiveFrame frame, long seq) {
        frames.add(frame.text());
        sent.add(frame);
        CompletableFuture<Void> written = new CompletableFuture<>();
        unwritten.add(written);
        return written;
    }

    void completeAll() {
        List<CompletableFuture<Void>> now = new ArrayList<>(unwritten);
        unwritten.clear();
        now.forEach(f -> f.complete(null));
    }

    @Override
    public void heartbeat() {
        heartbeats++;
    }

    @Override
    public void close(int code, String reason) {
        closedWith = code;
    }
}
