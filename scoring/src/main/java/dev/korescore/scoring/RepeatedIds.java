package dev.korescore.scoring;

import static java.util.Objects.requireNonNull;

import dev.korescore.core.model.ConversationId;
import java.util.Optional;

/**
 * Conversation ids that appear more than once in one audit's input. Each occurrence is audited (Kore may
 * have re-evaluated a conversation, or an export was concatenated twice); the summary says so.
 *
 * @param count how many distinct ids appear more than once
 * @param first the first id seen again, in input order
 */
public record RepeatedIds(long count, Optional<ConversationId> first) {
  public RepeatedIds {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0, was " + count);
    }
    requireNonNull(first, "first");
    if (count == 0 && first.isPresent()) {
      throw new IllegalArgumentException("no repeated id, but first was " + first.get());
    }
  }

  /** No conversation id seen twice. */
  public static RepeatedIds none() {
    return new RepeatedIds(0, Optional.empty());
  }

  /** {@code "2 conversation ids appear more than once, the first c-9"}; empty when none does. */
  public Optional<String> describe() {
    if (count == 0) {
      return Optional.empty();
    }
    return Optional.of(String.format(java.util.Locale.ROOT, "%,d conversation id%s more than once%s", count,
        count == 1 ? " appears" : "s appear", first.map(id -> ", the first " + id).orElse("")));
  }
}
