package dev.korescore.core.model;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A queue the interaction went through ({@code Queues[]}). Names keep their exact text: Kore's names
 * may carry trailing spaces.
 */
public record Queue(Optional<String> id, Optional<String> name, Extras extras) {
  public Queue {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    requireNonNull(extras, "extras");
  }

  public static Queue of(String id, String name) {
    return new Queue(Optional.of(id), Optional.of(name), Extras.none());
  }

  /** The id if there is one, else the name, else {@code "(unknown queue)"}. */
  public String displayKey() {
    return id.or(() -> name).orElse("(unknown queue)");
  }
}
