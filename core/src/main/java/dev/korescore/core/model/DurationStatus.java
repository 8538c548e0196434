package dev.korescore.core.model;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * Kore's {@code duration_status}: whether the interaction was long enough to be evaluated. Values Kore
 * might add later are kept verbatim as {@link Unrecognised}.
 */
public sealed interface DurationStatus permits DurationStatus.Known, DurationStatus.Unrecognised {

  /** The value as Kore writes it, e.g. {@code evaluated}. */
  String wireText();

  /** Only an {@code evaluated} interaction can be audited. */
  default boolean isEvaluated() {
    return this == Known.EVALUATED;
  }

  /** The values Kore documents. */
  enum Known implements DurationStatus {
    EVALUATED("evaluated"),
    BELOW_THRESHOLD("below_threshold"),
    DURATION_UNAVAILABLE("duration_unavailable");

    private final String wireText;

    Known(String wireText) {
      this.wireText = wireText;
    }

    @Override
    public String wireText() {
      return wireText;
    }
  }

  /** A value Kore documents nowhere, kept verbatim. */
  record Unrecognised(String raw) implements DurationStatus {
    public Unrecognised {
      requireNonNull(raw, "raw");
    }

    @Override
    public String wireText() {
      return raw;
    }
  }

  /** Reads Kore's text in any case; unknown values are kept verbatim. */
  static DurationStatus parse(String text) {
    requireNonNull(text, "text");
    String key = text.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    for (Known known : Known.values()) {
      if (known.wireText.equals(key)) {
        return known;
      }
    }
    return new Unrecognised(text);
  }
}
