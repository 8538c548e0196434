package dev.korescore.core.store;

import static java.util.Objects.requireNonNull;

import dev.korescore.core.fetch.RawRecord;
import dev.korescore.core.model.ConversationId;
import dev.korescore.core.model.Interaction;

/**
 * One fetched record ready for the store: the record exactly as received, the hash of its canonical
 * form, the interaction parsed from it and its verdict.
 */
public record ScoredRecord(RawRecord raw, ContentHash contentHash, Interaction interaction, StoredVerdict verdict) {
  public ScoredRecord {
    requireNonNull(raw, "raw");
    requireNonNull(contentHash, "contentHash");
    requireNonNull(interaction, "interaction");
    requireNonNull(verdict, "verdict");
    if (!raw.conversationId().equals(interaction.conversationId())) {
      throw new IllegalArgumentException("the record is conversation " + raw.conversationId()
          + " but the interaction is " + interaction.conversationId());
    }
  }

  /** The record's conversation id. */
  public ConversationId conversationId() {
    return raw.conversationId();
  }
}
