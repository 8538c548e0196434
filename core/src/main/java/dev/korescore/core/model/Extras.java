package dev.korescore.core.model;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Fields of a Kore record that the model does not know, by their exact key, in the order they were
 * read. Equality ignores the order.
 */
public final class Extras {
  private static final Extras NONE = new Extras(Map.of());

  private final Map<String, RawJson> fields;

  private Extras(Map<String, RawJson> fields) {
    this.fields = fields;
  }

  /** No unknown fields. */
  public static Extras none() {
    return NONE;
  }

  /** A copy of {@code fields}, keeping their order. */
  public static Extras of(Map<String, RawJson> fields) {
    requireNonNull(fields, "fields");
    if (fields.isEmpty()) {
      return NONE;
    }
    LinkedHashMap<String, RawJson> copy = new LinkedHashMap<>();
    fields.forEach(
        (key, value) -> {
          requireNonNull(key, "fields key");
          requireNonNull(value, () -> "fields value for key '" + key + "'");
          copy.put(key, value);
        });
    return new Extras(Collections.unmodifiableMap(copy));
  }

  /** The unknown fields, unmodifiable, in reading order. */
  public Map<String, RawJson> asMap() {
    return fields;
  }

  /** The unknown field {@code key}, if the record had it. */
  public Optional<RawJson> get(String key) {
    return Optional.ofNullable(fields.get(key));
  }

  /** Whether the record had no unknown field. */
  public boolean isEmpty() {
    return fields.isEmpty();
  }

  /** How many unknown fields the record had. */
  public int size() {
    return fields.size();
  }

  /** A copy with {@code key} set to {@code value} (appended, or replaced in place). */
  public Extras with(String key, RawJson value) {
    LinkedHashMap<String, RawJson> copy = new LinkedHashMap<>(fields);
    copy.put(requireNonNull(key, "key"), requireNonNull(value, "value"));
    return new Extras(Collections.unmodifiableMap(copy));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Extras that && fields.equals(that.fields);
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }

  @Override
  public String toString() {
    return "Extras" + fields;
  }
}
