package dev.korescore.scoring;

import static java.util.Objects.requireNonNull;

import dev.korescore.core.model.Interaction;
import dev.korescore.core.model.KoreScore;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One audited interaction as a row: the columns of {@code korescore audit --format jsonl} (and {@code
 * csv}) and of the Spark job's {@code verdicts/}, in one place so that every output says the same.
 *
 * @param conversationId the conversation id
 * @param verdict the verdict kind's name ({@code MATCH}, {@code SCORE_MISMATCH}, ...)
 * @param koreScore Kore's published score, when it has one
 * @param computedScore the recomputed score, exact up to {@value ExactScore#DECIMAL_PLACES} decimals
 * @param passScore the form's pass score, when the record carries one
 * @param korePassed Kore's pass flag, when the record carries one
 * @param computedPassed what the pass rule says, when it can tell
 * @param reasons the verdict's reasons, then the policy alternatives
 */
public record VerdictRow(
    String conversationId,
    String verdict,
    Optional<Integer> koreScore,
    Optional<BigDecimal> computedScore,
    Optional<Integer> passScore,
    Optional<Boolean> korePassed,
    Optional<Boolean> computedPassed,
    List<String> reasons) {

  /** The columns of every row, in order. */
  public static final List<String> COLUMNS = List.of(
      "conversationId", "verdict", "koreScore", "computedScore", "passScore", "korePassed", "computedPassed",
      "reasons");

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  public VerdictRow {
    requireNonNull(conversationId, "conversationId");
    requireNonNull(verdict, "verdict");
    requireNonNull(koreScore, "koreScore");
    requireNonNull(computedScore, "computedScore");
    requireNonNull(passScore, "passScore");
    requireNonNull(korePassed, "korePassed");
    requireNonNull(computedPassed, "computedPassed");
    reasons = List.copyOf(reasons);
  }

  /** The row of {@code interaction} audited to {@code verdict}. */
  public static VerdictRow of(Interaction interaction, Verdict verdict) {
    requireNonNull(interaction, "interaction");
    requireNonNull(verdict, "verdict");
    List<String> reasons = new ArrayList<>(verdict.reasons());
    reasons.addAll(verdict.explanation().alternatives());
    return new VerdictRow(
        interaction.conversationId().value(),
        verdict.kind().name(),
        interaction.koreScore() instanceof KoreScore.Scored s ? Optional.of(s.score()) : Optional.empty(),
        verdict.explanation().score().map(ExactScore::decimal),
        interaction.passScore().isPresent() ? Optional.of(interaction.passScore().getAsInt()) : Optional.empty(),
        interaction.passed(),
        verdict.explanation().computedPassed(),
        reasons);
  }

  /** This row as one compact JSON object, without a line break: what {@link #appendJsonLine} writes. */
  public String toJsonLine() {
    StringBuilder b = new StringBuilder(256);
    b.append("{\"conversationId\":");
    jsonString(b, conversationId);
    b.append(",\"verdict\":\"").append(verdict).append('"');
    b.append(",\"koreScore\":").append(koreScore.map(String::valueOf).orElse("null"));
    b.append(",\"computedScore\":").append(computedScore.map(BigDecimal::toPlainString).orElse("null"));
    b.append(",\"passScore\":").append(passScore.map(String::valueOf).orElse("null"));
    b.append(",\"korePassed\":").append(korePassed.map(String::valueOf).orElse("null"));
    b.append(",\"computedPassed\":").append(computedPassed.map(String::valueOf).orElse("null"));
    b.append(",\"reasons\":[");
    boolean first = true;
    for (String reason : reasons) {
      first = element(b, reason, first);
    }
    return b.append("]}").toString();
  }

  /**
   * Appends the row of {@code interaction} audited to {@code verdict} to {@code b} as one compact JSON
   * object with exactly the {@link #COLUMNS} as keys, without a line break; equal to {@code
   * of(interaction, verdict).toJsonLine()} with no row built. Written by hand: the columns are fixed,
   * and only strings need escaping (quote, backslash and control characters, as Jackson's generator
   * escapes them; other characters are written as they are).
   */
  public static void appendJsonLine(StringBuilder b, Interaction interaction, Verdict verdict) {
    b.append("{\"conversationId\":");
    jsonString(b, interaction.conversationId().value());
    b.append(",\"verdict\":\"").append(verdict.kind().name()).append('"');
    b.append(",\"koreScore\":");
    if (interaction.koreScore() instanceof KoreScore.Scored scored) {
      b.append(scored.score());
    } else {
      b.append("null");
    }
    b.append(",\"computedScore\":");
    Optional<ExactScore> computed = verdict.explanation().score();
    b.append(computed.isEmpty() ? "null" : computed.get().decimal().toPlainString());
    b.append(",\"passScore\":");
    if (interaction.passScore().isPresent()) {
      b.append(interaction.passScore().getAsInt());
    } else {
      b.append("null");
    }
    b.append(",\"korePassed\":");
    bool(b, interaction.passed());
    b.append(",\"computedPassed\":");
    bool(b, verdict.explanation().computedPassed());
    b.append(",\"reasons\":[");
    boolean first = true;
    for (String reason : verdict.reasons()) {
      first = element(b, reason, first);
    }
    for (String alternative : verdict.explanation().alternatives()) {
      first = element(b, alternative, first);
    }
    b.append("]}");
  }

  private static boolean element(StringBuilder b, String value, boolean first) {
    if (!first) {
      b.append(',');
    }
    jsonString(b, value);
    return false;
  }

  private static void bool(StringBuilder b, Optional<Boolean> value) {
    b.append(value.isEmpty() ? "null" : value.get() ? "true" : "false");
  }

  /**
   * Appends {@code value} as a JSON string, escaped as Jackson's generator escapes it (quote, backslash
   * and control characters; every other character as it is): the one escaper of the hand-written rows.
   */
  public static void jsonString(StringBuilder b, String value) {
    b.append('"');
    int plainFrom = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\') {
        continue;
      }
      b.append(value, plainFrom, i);
      plainFrom = i + 1;
      switch (c) {
        case '"':
          b.append("\\\"");
          break;
        case '\\':
          b.append("\\\\");
          break;
        case '\b':
          b.append("\\b");
          break;
        case '\t':
          b.append("\\t");
          break;
        case '\n':
          b.append("\\n");
          break;
        case '\f':
          b.append("\\f");
          break;
        case '\r':
          b.append("\\r");
          break;
        default:
          b.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
          break;
      }
    }
    b.append(value, plainFrom, value.length()).append('"');
  }
}
