package dev.korescore.core.store;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * What made a version of an interaction: its first sight, or how it differs from the version before.
 * Stored in {@code interaction_versions.change} by {@link #label()}.
 */
public enum VersionChange {
  /** The first version the store saw. */
  NEW("new"),
  /** A manual audit: at least one metric that awaited a manual answer ({@code "-"}) now has one. */
  AUDIT_ADDED("audit_added"),
  /** Kore's score or pass flag changed (and no manual answer was added). */
  RESCORED("rescored"),
  /** Some metric answers changed, Kore's score and pass flag did not. */
  ANSWERS_CHANGED("answers_changed"),
  /** Something else in the record changed (names, times, analytics, unknown fields). */
  OTHER("other");

  private final String label;

  VersionChange(String label) {
    this.label = label;
  }

  /** The stored form: {@code new}, {@code audit_added}, {@code rescored}, {@code answers_changed}, {@code other}. */
  public String label() {
    return label;
  }

  /** The change whose {@link #label()} is {@code label}. */
  public static VersionChange ofLabel(String label) {
    requireNonNull(label, "label");
    for (VersionChange change : values()) {
      if (change.label.equals(label)) {
        return change;
      }
    }
    throw new IllegalArgumentException("unknown version change '" + label + "'");
  }

  /** In words for a summary: {@code re-scored}, {@code audit added}, ... */
  public String words() {
    return this == RESCORED ? "re-scored" : label.replace('_', ' ').toLowerCase(Locale.ROOT);
  }
}
