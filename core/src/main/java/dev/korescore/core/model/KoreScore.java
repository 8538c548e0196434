package dev.korescore.core.model;

import java.util.OptionalInt;

/**
 * Kore's evaluation score for an interaction: an integer (Kore's range is -100..100, not enforced here
 * so that an auditor can report a value outside it), or not evaluated ({@code null} or {@code "NA"} on
 * the wire).
 */
public sealed interface KoreScore permits KoreScore.Scored, KoreScore.NotEvaluated {

  /** An evaluated interaction's score. */
  static KoreScore of(int value) {
    return new Scored(value);
  }

  /** The score of an interaction Kore did not evaluate. */
  static KoreScore notEvaluated() {
    return NotEvaluated.INSTANCE;
  }

  /** The score, or empty when the interaction was not evaluated. */
  OptionalInt value();

  /** An integer score. */
  record Scored(int score) implements KoreScore {
    @Override
    public OptionalInt value() {
      return OptionalInt.of(score);
    }

    @Override
    public String toString() {
      return Integer.toString(score);
    }
  }

  /** No score: Kore did not evaluate the interaction. */
  enum NotEvaluated implements KoreScore {
    INSTANCE;

    @Override
    public OptionalInt value() {
      return OptionalInt.empty();
    }

    @Override
    public String toString() {
      return "not evaluated";
    }
  }
}
