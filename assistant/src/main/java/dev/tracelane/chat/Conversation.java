package dev.tracelane.chat;

/** A conversation and the user it belongs to. */
public record Conversation(String id, String username, String org) {
}
