package dev.tracelane.agent;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A fact an answer rests on, as {@code chat.final} lists it in {@code citations}.
 *
 * @param kind position, eta, temperature, alerts, timeline, search or fleet
 * @param at   the time of the reading or estimate, when it has one
 */
@Serdeable
public record Citation(@Nullable String ref, String kind, @Nullable String at) {
}
