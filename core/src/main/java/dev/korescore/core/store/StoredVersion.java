package dev.korescore.core.store;

import static java.util.Objects.requireNonNull;

import dev.korescore.core.model.ConversationId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One version of an interaction as the store observed it ({@code interaction_versions}).
 *
 * @param version 1 for the first, then one more per content change
 * @param observedAt when the sync that saw it committed its window
 * @param koreScore Kore's score in that version
 * @param passed Kore's pass flag in that version
 * @param change what made it a new version
 * @param changedAnswers the metric answers that changed from the version before ({@code "Policy: NO -> YES"})
 * @param rawJson the record exactly as received
 */
public record StoredVersion(
    ConversationId conversationId, int version, Instant observedAt, ContentHash contentHash, OptionalInt koreScore,
    Optional<Boolean> passed, VersionChange change, List<String> changedAnswers, String rawJson) {
  public StoredVersion {
    requireNonNull(conversationId, "conversationId");
    if (version < 1) {
      throw new IllegalArgumentException("version must be >= 1, was " + version);
    }
    requireNonNull(observedAt, "observedAt");
    requireNonNull(contentHash, "contentHash");
    requireNonNull(koreScore, "koreScore");
    requireNonNull(passed, "passed");
    requireNonNull(change, "change");
    changedAnswers = List.copyOf(changedAnswers);
    requireNonNull(rawJson, "rawJson");
  }
}
