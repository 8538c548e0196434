package dev.korescore.core.model;

import static java.util.Objects.requireNonNull;

/** Kore's conversation id ({@code "Conversation ID"} / {@code conversationId}), kept as Kore wrote it. */
public record ConversationId(String value) implements Comparable<ConversationId>, java.io.Serializable {
  public ConversationId {
    requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("conversation id must not be blank, was '" + value + "'");
    }
  }

  /** The id Kore gives a conversation; it must not be blank. */
  public static ConversationId of(String value) {
    return new ConversationId(value);
  }

  @Override
  public int compareTo(ConversationId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
