package dev.korescore.scoring;

import static java.util.Objects.requireNonNull;

import dev.korescore.core.policy.ScoringPolicy;
import java.util.List;
import java.util.Optional;

/**
 * Which policy variant explains most records: for each of {@link ScoringPolicy#variants()}, how many of
 * the {@code considered} records (evaluated, with valid metrics) it makes a match.
 *
 * @param considered records every variant was tried on
 * @param shares one per variant, most explaining first (ties keep the variants' order, the base policy
 *     first)
 */
public record PolicyInference(long considered, List<Share> shares) {
  public PolicyInference {
    shares = List.copyOf(shares);
  }

  /** The variant that explains most records, when any record was considered. */
  public Optional<Share> best() {
    return considered == 0 || shares.isEmpty() ? Optional.empty() : Optional.of(shares.get(0));
  }

  /**
   * One variant's result.
   *
   * @param policy the variant
   * @param explained records it makes a match
   * @param share {@code explained / considered}, 0 when nothing was considered
   * @param description how it differs from the audit's policy, in words ({@code "the audit's policy"}
   *     for itself)
   */
  public record Share(ScoringPolicy policy, long explained, double share, String description) {
    public Share {
      requireNonNull(policy, "policy");
      requireNonNull(description, "description");
    }
  }
}
