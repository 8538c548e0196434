package dev.korescore.scoring;

import static java.util.Objects.requireNonNull;

import dev.korescore.core.policy.ScoringPolicy;
import dev.korescore.core.text.TerminalText;
import java.io.Serializable;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How a verdict was reached: each metric's contribution, the fraction's numerator ({@code sum of YES
 * weights - sum of NO negative weights [+ NA weights under award-full]}) and denominator (the
 * applicable weight), the recomputed score, the policy used, and the other policy variants that would
 * have explained Kore's values.
 *
 * @param policy the policy the verdict was reached under
 * @param contributions one per metric, in the record's order (empty when scoring never started)
 * @param numerator the points, before {@code x 100}
 * @param denominator the applicable weight
 * @param score the recomputed score, when there is one
 * @param failedFatalMetric the first failed fatal metric, when one failed
 * @param computedPassed what the auditor expects Kore's passed flag to be, when it can tell
 * @param alternatives which other policy variants explain Kore's values, in words ({@code "matches if
 *     NA were awarded full weight"}); for a problem with none, one sentence saying so; empty for a
 *     match or a record not audited
 * @param explainingPolicies the policy variants behind {@code alternatives}
 * @param fatalFromCount the record's own fatal error count, when it failed the interaction by itself (no
 *     metric is flagged {@code isFatalError})
 */
public record Explanation(
    ScoringPolicy policy,
    List<MetricContribution> contributions,
    BigInteger numerator,
    BigInteger denominator,
    Optional<ExactScore> score,
    Optional<String> failedFatalMetric,
    Optional<Boolean> computedPassed,
    List<String> alternatives,
    List<ScoringPolicy> explainingPolicies,
    OptionalInt fatalFromCount)
    implements Serializable {

  /** What {@link #alternatives()} says when no variant explains a problem. */
  public static final String NO_ALTERNATIVE = "no other policy variant explains Kore's values";

  public Explanation {
    requireNonNull(policy, "policy");
    contributions = List.copyOf(contributions);
    requireNonNull(numerator, "numerator");
    requireNonNull(denominator, "denominator");
    requireNonNull(score, "score");
    requireNonNull(failedFatalMetric, "failedFatalMetric");
    requireNonNull(computedPassed, "computedPassed");
    alternatives = List.copyOf(alternatives);
    explainingPolicies = List.copyOf(explainingPolicies);
    requireNonNull(fatalFromCount, "fatalFromCount");
  }

  private Object writeReplace() {
    return new SerialForms.ExplanationForm(this);
  }

  /** An explanation for a record that was never scored. */
  static Explanation unscored(ScoringPolicy policy) {
    return new Explanation(
        policy, List.of(), BigInteger.ZERO, BigInteger.ZERO, Optional.empty(), Optional.empty(), Optional.empty(),
        List.of(), List.of(), OptionalInt.empty());
  }

  Explanation withAlternatives(List<String> words, List<ScoringPolicy> policies) {
    return new Explanation(
        policy, contributions, numerator, denominator, score, failedFatalMetric, computedPassed, words, policies,
        fatalFromCount);
  }

  /** {@code "the record counts 1 fatal error, though no failed metric is flagged isFatalError"}. */
  static String fatalCountPhrase(int count) {
    return "the record counts " + count + " fatal error" + (count == 1 ? "" : "s")
        + ", though no failed metric is flagged isFatalError";
  }

  /**
   * A few lines for a terminal: the metric table, the fraction, the policy and the alternatives, each
   * line starting with {@code indent}. Metric names are shown with {@link TerminalText}: control
   * characters as visible escapes, names over 40 characters cut with an ellipsis.
   */
  public String render(String indent) {
    StringBuilder out = new StringBuilder();
    if (!contributions.isEmpty()) {
      int width = 6;
      for (MetricContribution c : contributions) {
        width = Math.max(width, TerminalText.visible(c.name(), 40).length());
      }
      out.append(indent)
          .append(String.format("%-" + width + "s  %-6s %8s %8s %9s %9s  %s%n", "metric", "answer", "weight",
              "negative", "+points", "+weight", "counted as"));
      for (MetricContribution c : contributions) {
        String name = TerminalText.visible(c.name(), 40);
        out.append(indent)
            .append(String.format("%-" + width + "s  %-6s %8d %8d %9d %9d  %s%n", name,
                c.qualification().wireText() + (c.fatal() ? "!" : ""), c.weight(), c.negativeWeight(),
                c.addedToNumerator(), c.addedToDenominator(), c.note()));
      }
    }
    if (!contributions.isEmpty() || score.isPresent()) {
      out.append(indent).append("points ").append(numerator).append(" / applicable weight ").append(denominator);
      score.ifPresent(s -> out.append(" -> score ").append(s.decimal().toPlainString()));
      failedFatalMetric.ifPresent(m -> out.append(" (fatal metric '").append(TerminalText.visible(m, 60)).append("' failed)"));
      fatalFromCount.ifPresent(n -> out.append(" (").append(fatalCountPhrase(n)).append(')'));
      out.append(System.lineSeparator());
    }
    out.append(indent).append("policy: ").append(policy.describe()).append(System.lineSeparator());
    for (String alternative : alternatives) {
      out.append(indent).append(TerminalText.visible(alternative)).append(System.lineSeparator());
    }
    return out.toString();
  }
}
