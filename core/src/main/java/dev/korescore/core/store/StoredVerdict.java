package dev.korescore.core.store;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The verdict of one interaction as the store keeps it: the scoring engine's verdict reduced to what an
 * analyst queries (the engine lives in {@code scoring}; the store only in {@code core} types).
 *
 * @param verdict {@code MATCH}, {@code SCORE_MISMATCH}, {@code PASS_MISMATCH}, {@code NOT_AUDITABLE} or
 *     {@code INVALID}
 * @param computedScore the recomputed score (exact up to 6 decimals), when there is one
 * @param computedPassed whether the recomputation says the interaction passes, when it can tell
 * @param reasons why, in words (empty for a match)
 * @param policy the scoring policy the verdict was reached under, in words
 */
public record StoredVerdict(
    String verdict, Optional<BigDecimal> computedScore, Optional<Boolean> computedPassed, List<String> reasons,
    String policy) {
  public StoredVerdict {
    requireNonNull(verdict, "verdict");
    if (verdict.isBlank()) {
      throw new IllegalArgumentException("verdict must not be blank");
    }
    requireNonNull(computedScore, "computedScore");
    requireNonNull(computedPassed, "computedPassed");
    reasons = List.copyOf(reasons);
    requireNonNull(policy, "policy");
  }
}
