package dev.korescore.core.store;

import static java.util.Objects.requireNonNull;

import dev.korescore.core.model.ConversationId;
import java.time.Instant;

/**
 * The current version of one stored interaction: the record exactly as received, to be read by the
 * JSON adapter like any other Raw Data ({@code audit --store}, what-if analyses).
 */
public record CurrentRecord(ConversationId conversationId, int version, Instant lastChangedAt, String rawJson) {
  public CurrentRecord {
    requireNonNull(conversationId, "conversationId");
    if (version < 1) {
      throw new IllegalArgumentException("version must be >= 1, was " + version);
    }
    requireNonNull(lastChangedAt, "lastChangedAt");
    requireNonNull(rawJson, "rawJson");
  }
}
