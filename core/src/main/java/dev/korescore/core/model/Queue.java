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

  /** A queue with both an id and a name. */
  public static Queue of(String id, String name) {
    return new Queue(Optional.of(id), Optional.of(name), Extras.none());
  }

  /**
   * What per-agent and per-queue reports group by and show: {@code "name (id)"} when both are known
   * (readable and still unique), else whichever is known, else {@code "(unknown queue)"}.
   */
  public String displayKey() {
    if (id.isPresent() && name.isPresent()) {
      return name.get() + " (" + id.get() + ")";
    }
    return id.or(() -> name).orElse("(unknown queue)");
  }
}
