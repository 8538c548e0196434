package dev.korescore.core.model;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.Locale;

/**
 * How a metric was answered. {@link Answer#YES} means the metric was met (adherence), not the literal
 * answer to the metric's question; {@link Answer#MANUAL} is Kore's {@code "-"} for a metric left to a
 * manual evaluation. A value Kore might send that we do not recognise is kept verbatim as {@link
 * Unrecognised}, so that scoring can report it rather than guess.
 */
public sealed interface Qualification extends Serializable permits Qualification.Answer, Qualification.Unrecognised {

  /** The text Kore uses for this qualification on the wire. */
  String wireText();

  /** The four qualifications Kore documents. */
  enum Answer implements Qualification {
    YES("YES"),
    NO("NO"),
    NA("NA"),
    MANUAL("-");

    private final String wireText;

    Answer(String wireText) {
      this.wireText = wireText;
    }

    @Override
    public String wireText() {
      return wireText;
    }
  }

  /** A qualification outside Kore's documented values, exactly as it was written. */
  record Unrecognised(String raw) implements Qualification {
    public Unrecognised {
      requireNonNull(raw, "raw");
    }

    @Override
    public String wireText() {
      return raw;
    }
  }

  /**
   * Reads Kore's text leniently: any case, surrounding blanks, {@code N/A}, {@code "not applicable"},
   * {@code "-"} for a manual metric. Anything else becomes {@link Unrecognised} with the exact text.
   */
  static Qualification parse(String text) {
    requireNonNull(text, "text");
    String key = text.strip().toUpperCase(Locale.ROOT);
    switch (key) {
      case "YES":
      case "Y":
        return Answer.YES;
      case "NO":
      case "N":
        return Answer.NO;
      case "NA":
      case "N/A":
      case "N.A.":
      case "NOT APPLICABLE":
        return Answer.NA;
      case "-":
      case "--":
        return Answer.MANUAL;
      default:
        return new Unrecognised(text);
    }
  }
}
