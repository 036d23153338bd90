package dev.tracelane.model.builtin;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.store.embedding.CosineSimilarity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Routes a message to the intent of its nearest example utterances, by all-MiniLM-L6-v2 sentence embeddings
 * (in process). The score of an intent is the mean of its two closest examples, so one lucky example does not
 * decide; below {@link #MIN_SCORE} the message is not understood.
 */
final class IntentRouter {
    static final String UNKNOWN = "unknown";
    private static final double MIN_SCORE = 0.45;
    private static final int RECENT = 256;
    private final EmbeddingModel embeddings;
    private final List<String> intents = new ArrayList<>();
    private final List<Embedding> vectors = new ArrayList<>();
    private final Map<String, Routed> recent = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Routed> eldest) {
            return size() > RECENT;
        }
    };

    IntentRouter(EmbeddingModel embeddings, Map<String, List<String>> examples) {
        this.embeddings = embeddings;
        List<TextSegment> segments = new ArrayList<>();
        examples.forEach((intent, lines) -> lines.forEach(line -> {
            intents.add(intent);
            segments.add(TextSegment.from(line));
        }));
        vectors.addAll(embeddings.embedAll(segments).content());
    }

    record Routed(String intent, double score) {
    }

    /** A turn routes its message twice (to call tools, then to phrase their results): the second is a lookup. */
    Routed route(String text) {
        synchronized (recent) {
            Routed known = recent.get(text);
            if (known != null) {
                return known;
            }
        }
        Routed routed = classify(text);
        synchronized (recent) {
            recent.put(text, routed);
        }
        return routed;
    }

    private Routed classify(String text) {
        Embedding probe = embeddings.embed(Entities.withoutReferences(text).toLowerCase(Locale.ROOT)).content();
        Map<String, double[]> best = new HashMap<>();
        for (int i = 0; i < vectors.size(); i++) {
            double similarity = CosineSimilarity.between(probe, vectors.get(i));
            double[] top = best.computeIfAbsent(intents.get(i), k -> new double[]{-1, -1});
            if (similarity > top[0]) {
                top[1] = top[0];
                top[0] = similarity;
            } else if (similarity > top[1]) {
                top[1] = similarity;
            }
        }
        String winner = UNKNOWN;
        double winnerScore = -1;
        for (Map.Entry<String, double[]> e : best.entrySet()) {
            double[] top = e.getValue();
            double score = top[1] < 0 ? top[0] : (top[0] + top[1]) / 2;
            if (score > winnerScore) {
                winnerScore = score;
                winner = e.getKey();
            }
        }
        return winnerScore < MIN_SCORE ? new Routed(UNKNOWN, winnerScore) : new Routed(winner, winnerScore);
    }
}
