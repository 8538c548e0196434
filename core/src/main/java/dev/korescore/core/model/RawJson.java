package dev.korescore.core.model;

import static java.util.Objects.requireNonNull;

/**
 * The JSON text of a value the domain does not interpret (an unknown field's value), kept verbatim so
 * that a writer can put it back. The text is compact JSON as produced by the wire adapter; the domain
 * never parses it.
 *
 * @param json a complete JSON value: {@code "text"}, {@code 12}, {@code [1,2]}, {@code {"a":true}}, {@code null}
 */
public record RawJson(String json) {
  public RawJson {
    requireNonNull(json, "json");
    if (json.isBlank()) {
      throw new IllegalArgumentException("json must be a JSON value, was blank");
    }
  }

  /** This JSON value, kept as its text. */
  public static RawJson of(String json) {
    return new RawJson(json);
  }

  @Override
  public String toString() {
    return json;
  }
}
