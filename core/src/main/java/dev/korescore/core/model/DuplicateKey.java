package dev.korescore.core.model;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A key that one record printed more than once with a value the audit uses (Kore's score, the pass score,
 * the pass flag, a metric's weight, negative weight or answer). Which of the two values Kore meant cannot
 * be told, so such a record cannot be audited as it stands.
 *
 * @param element the array element holding the key, e.g. {@code Metrics[1] ('Greeting')}; empty for the
 *     record itself
 * @param key the key, exactly as written the second time
 */
public record DuplicateKey(Optional<String> element, String key) {
  public DuplicateKey {
    requireNonNull(element, "element");
    requireNonNull(key, "key");
  }

  /** {@code Metrics[1] ('Greeting'): "Metric Weight" is given twice}. */
  public String describe() {
    return element.map(e -> e + ": ").orElse("") + "\"" + key + "\" is given twice";
  }
}
