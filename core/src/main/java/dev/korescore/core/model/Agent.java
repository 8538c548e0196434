package dev.korescore.core.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * An agent who took part in the interaction ({@code Agents[]}).
 *
 * @param id {@code agentId} / {@code "Agent ID"}
 * @param name {@code "Agent Name"}, exact text
 * @param startTime {@code "Agent Start Time"}
 * @param email {@code "Agent Email"}
 * @param extras fields the model does not know
 */
public record Agent(
    Optional<String> id,
    Optional<String> name,
    Optional<Instant> startTime,
    Optional<String> email,
    Extras extras) {

  public Agent {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    requireNonNull(startTime, "startTime");
    requireNonNull(email, "email");
    requireNonNull(extras, "extras");
  }

  /** An agent with both an id and a name. */
  public static Agent of(String id, String name) {
    return new Agent(Optional.of(id), Optional.of(name), Optional.empty(), Optional.empty(), Extras.none());
  }

  /**
   * What per-agent and per-queue reports group by and show: {@code "name (id)"} when both are known
   * (readable and still unique), else whichever is known, else {@code "(unknown agent)"}.
   */
  public String displayKey() {
    if (id.isPresent() && name.isPresent()) {
      return name.get() + " (" + id.get() + ")";
    }
    return id.or(() -> name).orElse("(unknown agent)");
  }
}
